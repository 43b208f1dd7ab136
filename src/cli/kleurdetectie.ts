/**
 * Stands in for chalk's own colour detection in the bundle (src/bundel.mjs). kvz decides colour itself
 * (a terminal, NO_COLOR, --no-color: context.ts) and gives chalk the level with `new Chalk({ level })`,
 * so chalk's default instance is never used. Chalk's detection would import node:process as an ES
 * module, which creates the stdout and stderr streams before any command has run (#17).
 */
export default { stdout: false as const, stderr: false as const };
