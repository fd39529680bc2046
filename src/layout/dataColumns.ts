export * from "./dataSheet/columns";
