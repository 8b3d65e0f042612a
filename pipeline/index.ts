export { build, type BuildOptions, type BuildResult, type BuildReport } from './build.ts';
export { defineConfig, type PipelineConfig } from './config/defaults.ts';
export type { Stage, StageContext } from './stage.ts';
export type { Message } from './report/messages.ts';
