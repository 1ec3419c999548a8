/** Types of app-package.js (plain CommonJS, run after the build). */

export function packageFilesOf(manifest: {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}): string[];
export function appPackage(dir: string): Promise<Buffer>;
