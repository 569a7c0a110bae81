/** What the API uses of `serve-static` (it ships no types): a middleware serving a folder. */
declare module 'serve-static' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface Options {
    index?: string | string[] | false;
    setHeaders?: (response: ServerResponse, path: string) => void;
  }
  function serveStatic(root: string, options?: Options): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
  export default serveStatic;
}
