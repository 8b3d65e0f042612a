import cliProgress from 'cli-progress';

/** What the engine tells whoever shows progress; the build never prints by itself. */
export interface Progress {
  start(total: number, formats: readonly string[]): void;
  stage(label: string): void;
  artifact(name: string, rebuilt: boolean): void;
  restart(reason: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, stage() {}, artifact() {}, restart() {}, stop() {} };

/** A live bar on a terminal: documents × locales done, formats, current stage, ETA. No colours are used, so NO_COLOR holds. */
export function barProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(total, formats) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `{bar} {value}/{total} documents×locales (${formats.join(', ')}) | ETA {eta_formatted} | {stage}`,
          barCompleteChar: '#',
          barIncompleteChar: '-',
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.legacy,
      );
      bar.start(total, 0, { stage: 'starting' });
    },
    stage(label) {
      bar?.update({ stage: label });
    },
    artifact(name, rebuilt) {
      bar?.increment({ stage: `${rebuilt ? 'built' : 'cached'} ${name}` });
    },
    restart(reason) {
      bar?.update({ stage: `Chromium restarted: ${reason}` });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** One plain line per finished artifact, for CI logs. */
export function lineProgress(write: (text: string) => void): Progress {
  let done = 0;
  let total = 0;
  return {
    start(count) {
      total = count;
    },
    stage() {},
    artifact(name, rebuilt) {
      done += 1;
      write(`[${done}/${total}] ${rebuilt ? 'built ' : 'cached'} ${name}\n`);
    },
    restart(reason) {
      write(`Chromium restarted (${reason}); retrying the documents it was printing\n`);
    },
    stop() {},
  };
}
