/** The build's heap limit in MB when ATLAS_HEAP_MB is not set: why it exists is in scripts/build.mjs. */
export const DEFAULT_HEAP_MB = 2048;
