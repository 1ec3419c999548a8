/*
 * Builds a localised custom-functions metadata file (functions.zh-cn.json) from the generated
 * functions.json and a translation table shaped
 *   { "TIER": { "description": "...", "parameters": { "values": "...", ... }, "result": "..." }, ... }
 * Only descriptions change: ids and names stay as generated (users type the English names).
 *
 * Pure CommonJS with no dependencies so that webpack.config.js (at build time) and the jest tests
 * can both call it. It is strict: a function, parameter or result description without a
 * translation, a translation naming something the metadata does not have, or an empty/non-string
 * text makes it throw, and the build fails.
 */
"use strict";

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value) {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The metadata with every function's, parameter's and result's description replaced by its
 * translation. Does not modify its arguments.
 * @param {object} metadata parsed functions.json ({ functions: [...] , ... })
 * @param {object} translations the translation table (see above)
 * @param {string} [language] used in error messages only, e.g. "zh-CN"
 * @returns {object} the localised metadata
 */
function localizeMetadata(metadata, translations, language = "translation") {
  if (!isPlainObject(metadata) || !Array.isArray(metadata.functions)) {
    throw new Error("localizeMetadata: the metadata has no functions array");
  }
  if (!isPlainObject(translations)) {
    throw new Error(`localizeMetadata: the ${language} table must be an object keyed by function id`);
  }
  const problems = [];
  const result = JSON.parse(JSON.stringify(metadata));
  const ids = new Set();

  for (const fn of result.functions) {
    ids.add(fn.id);
    const t = translations[fn.id];
    if (!isPlainObject(t)) {
      problems.push(`${fn.id}: no ${language} entry`);
      continue;
    }
    for (const key of Object.keys(t)) {
      if (!["description", "parameters", "result"].includes(key)) {
        problems.push(`${fn.id}: unknown key "${key}" (expected description, parameters, result)`);
      }
    }
    if (isText(t.description)) fn.description = t.description;
    else problems.push(`${fn.id}: description missing or empty`);

    const params = Array.isArray(fn.parameters) ? fn.parameters : [];
    const tParams = t.parameters === undefined ? {} : t.parameters;
    if (!isPlainObject(tParams)) {
      problems.push(`${fn.id}: parameters must be an object keyed by parameter name`);
    } else {
      const names = new Set(params.map((p) => p.name));
      for (const p of params) {
        if (isText(tParams[p.name])) p.description = tParams[p.name];
        else problems.push(`${fn.id}: parameter "${p.name}" has no ${language} description`);
      }
      for (const name of Object.keys(tParams)) {
        if (!names.has(name)) problems.push(`${fn.id}: translated parameter "${name}" does not exist`);
      }
    }

    const hasResultDescription = isPlainObject(fn.result) && fn.result.description !== undefined;
    if (hasResultDescription) {
      if (isText(t.result)) fn.result.description = t.result;
      else problems.push(`${fn.id}: result description has no ${language} text`);
    } else if (t.result !== undefined) {
      problems.push(`${fn.id}: translated result description, but the metadata's result has no description`);
    }
  }

  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`${id}: translated function does not exist in the metadata`);
  }

  if (problems.length > 0) {
    throw new Error(`${language} functions metadata is incomplete or inconsistent:\n  - ${problems.join("\n  - ")}`);
  }
  return result;
}

/**
 * localizeMetadata on JSON text, returning JSON text in the generator's layout (4 spaces).
 * @param {string} metadataJson
 * @param {object} translations
 * @param {string} [language]
 * @returns {string}
 */
function localizeMetadataJson(metadataJson, translations, language) {
  return JSON.stringify(localizeMetadata(JSON.parse(metadataJson), translations, language), null, 4);
}

module.exports = { localizeMetadata, localizeMetadataJson };
