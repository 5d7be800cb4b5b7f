/** This package's version, written into the header of every generated file (a unit test keeps it equal to package.json). */
export const PACKAGE_VERSION = "0.1.0";
