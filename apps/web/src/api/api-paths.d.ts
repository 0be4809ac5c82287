/** Built by the `crm-api-paths` plugin of vite.config.ts: every path of the API's OpenAPI document. */
declare module 'virtual:api-paths' {
  const paths: readonly string[];
  export default paths;
}
