import{a}from"./chunk-5WEGKCCJ.js";import"./chunk-FSDBN2GU.js";import"./chunk-IYWUY3VA.js";export default a();
