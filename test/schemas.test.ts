// The published JSON Schemas are generated from the zod definitions; they must not drift.
import { readFileSync } from "fs";
import { join } from "path";
import Ajv2020 from "ajv/dist/2020";
import { jsonSchemas } from "../src/cli/result-schema";
import { bundledDocuments } from "../src/rulebooks/bundled";

const schemas = jsonSchemas();

test.each(Object.keys(schemas))("schemas/%s is up to date (npm run schemas)", (name) => {
  const committed = JSON.parse(readFileSync(join(__dirname, "..", "schemas", name), "utf8"));
  expect(committed).toEqual(JSON.parse(JSON.stringify(schemas[name])));
});

test("every bundled rulebook validates against the published rulebook JSON Schema", () => {
  const validate = new Ajv2020({ strict: false }).compile(schemas["saiten-rulebook.schema.json"] as object);
  for (const doc of bundledDocuments()) expect(validate(doc) ? "" : JSON.stringify(validate.errors)).toBe("");
  const broken = { ...(bundledDocuments()[0] as object), level: "somewhere" };
  expect(validate(broken)).toBe(false);
});
