/** Where the emulator is reachable; rendered resources link to it as GitHub links to itself. */
export interface EmulatorUrls {
  /** e.g. `http://127.0.0.1:8080` */
  origin: string;
  /** e.g. `http://127.0.0.1:8080/api/v3` */
  apiUrl: string;
}
