// Preloaded (node -r) into a command-line run: writes the process's peak resident memory
// (kilobytes) to the file named by SCRUTINY_RSS_FILE when it exits.
"use strict";
process.on("exit", () => {
  const file = process.env.SCRUTINY_RSS_FILE;
  if (file) require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
});
