export { ApiKeyStore, looksLikeApiKey, principalOf, type ApiKeyInfo, type ApiKeyStoreOptions, type CreateApiKeyOptions, type CreatedApiKey } from './api-keys.js';
export { createClientAuth, type ClientAuth, type ClientAuthOptions, type RequestHeaders, type TokenResponse } from './authenticator.js';
export { parseDuration } from './duration.js';
export {
  ANY,
  ENVIRONMENTS,
  allowsModel,
  authorize,
  formatScope,
  narrowScope,
  parseScopeText,
  type Environment,
  type Principal,
  type Scope,
} from './scope.js';
export { MAX_TOKEN_TTL_SECONDS, TokenService, type IssueTokenOptions, type IssuedToken, type TokenServiceOptions } from './tokens.js';
