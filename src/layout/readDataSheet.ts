export * from "./dataSheet/read";
