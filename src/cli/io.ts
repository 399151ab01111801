/** What a command may touch of the process: injected so tests run commands in memory. */
export interface CliIo {
  stdin: AsyncIterable<Buffer | string>;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  stdin: process.stdin,
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};
