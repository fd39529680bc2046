export * from "./dataSheet/layout";
