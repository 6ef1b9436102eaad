/**
 * Text shaped like a GitHub token, whoever's it is: a documented prefix (`ghp_`, `gho_`, `ghu_`,
 * `ghs_`, `ghr_`, `github_pat_`) and the characters tokens are made of, base64url and the dots of the
 * JWT-shaped `ghs_` installation tokens included. No length limit: GitHub asks clients to accept
 * tokens of at least 255 characters, and the JWT form runs past 500.
 */
export const TOKEN_SHAPED = /(?:gh[opusr]_|github_pat_)[A-Za-z0-9_.-]{8,}/g;
