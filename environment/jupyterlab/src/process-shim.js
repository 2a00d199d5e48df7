// The `process` some packages read in the browser (esbuild injects it where they use it).
export const process = { env: {}, cwd: () => '/', platform: 'browser' };
