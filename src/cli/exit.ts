/** Thrown after the outputs are written when a command should exit non-zero (1: some files failed). */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "ExitStatus";
  }
}
