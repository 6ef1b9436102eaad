export interface Connection {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}
