// Issue 8: the operator types a staff password at a hidden prompt (echo off, twice) or pipes it in on stdin
// (`--password-stdin`, one line); never on the command line, where it would land in the shell history and in
// `ps`. No server-only imports: test/password-input.test.ts runs this directly.
import type { Readable, Writable } from "node:stream";

export class PasswordInputError extends Error {}

interface TtyLike extends Readable {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

/** One line from a pipe (`printf '%s\n' "$PW" | npm run staff -- add … --password-stdin`); at most 1 KiB. */
export async function readPasswordLine(input: Readable): Promise<string> {
  if ((input as TtyLike).isTTY)
    throw new PasswordInputError("--password-stdin læser fra et rør (pipe), ikke fra terminalen. Brug --prompt for at skrive adgangskoden skjult.");
  let data = "";
  for await (const chunk of input) {
    data += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
    if (data.includes("\n") || data.length > 1024) break;
  }
  const line = data.split(/\r?\n/)[0];
  if (data.length > 1024 && !data.includes("\n")) throw new PasswordInputError("Linjen er for lang.");
  if (!line) throw new PasswordInputError("Der kom ingen adgangskode på stdin.");
  return line;
}

/** Reads one line from a TTY with echo off (raw mode); Ctrl-C and Ctrl-D abort. */
function readHidden(question: string, input: TtyLike, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    let value = "";
    input.setRawMode!(true);
    input.resume();
    const done = (err: Error | null) => {
      input.setRawMode!(false);
      input.pause();
      input.removeListener("data", onData);
      output.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done(null);
        if (ch === "\u0003" || ch === "\u0004") return done(new PasswordInputError("Afbrudt."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    input.on("data", onData);
  });
}

/** The hidden prompt: twice, echo off; refused when stdin is not a terminal (use --password-stdin there). */
export async function promptNewPassword(input: Readable, output: Writable): Promise<string> {
  const tty = input as TtyLike;
  if (!tty.isTTY || typeof tty.setRawMode !== "function") {
    throw new PasswordInputError("--prompt kræver en terminal (stdin er ikke en TTY). Send adgangskoden gennem et rør med --password-stdin.");
  }
  const first = await readHidden("Ny adgangskode (vises ikke): ", tty, output);
  const second = await readHidden("Gentag adgangskoden: ", tty, output);
  if (first !== second) throw new PasswordInputError("De to adgangskoder er ikke ens.");
  if (!first) throw new PasswordInputError("Der blev ikke skrevet nogen adgangskode.");
  return first;
}

/** What the command line asks for: "--prompt", "--password-stdin", or neither (a one-time link). */
export function passwordSource(args: readonly string[]): "prompt" | "stdin" | "link" | "both" {
  const prompt = args.includes("--prompt");
  const stdin = args.includes("--password-stdin");
  return prompt && stdin ? "both" : prompt ? "prompt" : stdin ? "stdin" : "link";
}

/** Refuses a password given as an argument (`--password=…`, `--password …`): it would be in the shell history. */
export function passwordOnCommandLine(args: readonly string[]): boolean {
  return args.some((a) => /^--(password|pw|adgangskode)(=|$)/i.test(a));
}
