// Bundles the UI's scripts and styles into wwwroot/dist (run by the MSBuild target BundleAssets).
import * as esbuild from "esbuild";

await esbuild.build({
  entryPoints: ["assets/app.js", "assets/app.css"],
  bundle: true,
  minify: true,
  sourcemap: "linked",
  target: ["es2020"],
  outdir: "wwwroot/dist",
  entryNames: "[name]",
  loader: { ".woff": "file", ".woff2": "file" },
  assetNames: "fonts/[name]",
  logLevel: "warning",
});
