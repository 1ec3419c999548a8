/*
 * The unified manifest for Microsoft 365 (manifest.json and its zh-CN localization file), made
 * from manifest.xml: the XML manifest is the one source of the add-in's id, version, names,
 * URLs, requirement sets, ribbon and strings, so the two manifests cannot drift apart. Used by
 * webpack (dist/, with the production URLs the XML was rewritten to) and by
 * `npm run manifest:json` (the checked-in manifest.json and manifest.zh-cn.json, dev URLs; a
 * test fails when they differ from what this module makes of manifest.xml).
 *
 * Custom functions in the unified manifest need Excel on Windows 2501+ or Mac 16.103+ with a
 * Microsoft 365 subscription (not perpetual Office); manifest.xml covers everything else.
 *
 * Usage: node src/manifest/unified-manifest.js --write   (rewrites the two files at the top)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const xml2js = require("xml2js");

/** The schema version written; the schema itself comes from @microsoft/app-manifest (tests). */
const MANIFEST_VERSION = "1.25";
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
const ACCENT_COLOR = "#217346"; // the icons' Office green (assets/make-icons.js)
const ICONS = { color: "assets/color-192.png", outline: "assets/outline-32.png" };
/** Runtime id, and the action that opens the pane (the XML's ShowTaskpane action). */
const RUNTIME_ID = "SharedRuntime";
const SHOW_TASKPANE = "ShowTaskpane";
/** What the XML's <Permissions> grant, in the unified manifest's words. */
const PERMISSIONS = {
  ReadDocument: "Document.Read.User",
  ReadWriteDocument: "Document.ReadWrite.User",
};
const SHORT_NAME_MAX = 30;
const SHORT_DESCRIPTION_MAX = 80;

/** The parsed XML manifest (xml2js, attributes under "$", every child an array). */
function parseXml(xmlText) {
  let parsed;
  let failure;
  xml2js.parseString(xmlText, { async: false }, (error, result) => {
    failure = error;
    parsed = result;
  });
  if (failure) throw failure;
  return parsed.OfficeApp;
}

/** One child element by name, or an error naming the path (the XML must have it). */
function child(node, name, where) {
  const found = node && node[name];
  if (!found || found.length === 0) throw new Error(`manifest.xml: <${name}> missing in ${where}`);
  return found[0];
}

/** Default value and overrides of a localizable XML element: { default, "zh-cn": … }. */
function localized(element) {
  const out = { default: element.$.DefaultValue };
  for (const override of element.Override || element["bt:Override"] || []) out[override.$.Locale.toLowerCase()] = override.$.Value;
  return out;
}

/** The resources of <VersionOverrides>: resid → localized value, for images, URLs and strings. */
function resourcesOf(versionOverrides) {
  const resources = child(versionOverrides, "Resources", "VersionOverrides");
  const byId = new Map();
  for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
    for (const list of resources[group] || []) {
      for (const item of list["bt:Image"] || list["bt:Url"] || list["bt:String"] || []) byId.set(item.$.id, localized(item));
    }
  }
  return (resid) => {
    const value = byId.get(resid);
    if (!value) throw new Error(`manifest.xml: resource "${resid}" is not defined`);
    return value;
  };
}

/** Up to the first colon: the short description (at most 80 characters) of a long one. */
function shortDescription(full) {
  const head = full.split(/[:：]/)[0].trim();
  if (head.length > SHORT_DESCRIPTION_MAX)
    throw new Error(`manifest.xml: the description before its colon is over ${SHORT_DESCRIPTION_MAX} characters`);
  return head;
}

function iconsOf(iconElement, resource, locale) {
  return iconElement["bt:Image"].map((image) => ({
    size: Number(image.$.size),
    url: resource(image.$.resid)[locale] || resource(image.$.resid).default,
  }));
}

/** A ribbon button: its strings in `locale`, its action id (an ExecuteFunction's name, or the pane). */
function buttonOf(control, resource, locale) {
  const text = (resid) => resource(resid)[locale] || resource(resid).default;
  const action = child(control, "Action", control.$.id);
  const type = action.$["xsi:type"];
  return {
    id: control.$.id,
    type: "button",
    label: text(child(control, "Label", control.$.id).$.resid),
    icons: iconsOf(child(control, "Icon", control.$.id), resource, locale),
    supertip: {
      title: text(child(child(control, "Supertip", control.$.id), "Title", control.$.id).$.resid),
      description: text(child(child(control, "Supertip", control.$.id), "Description", control.$.id).$.resid),
    },
    actionId: type === "ExecuteFunction" ? child(action, "FunctionName", control.$.id) : SHOW_TASKPANE,
  };
}

/** The workbook host's parts of <VersionOverrides>. */
function workbookHostOf(versionOverrides) {
  const hosts = child(versionOverrides, "Hosts", "VersionOverrides").Host;
  const host = hosts.find((h) => h.$["xsi:type"] === "Workbook");
  if (!host) throw new Error("manifest.xml: no Workbook host in VersionOverrides");
  const functions = child(host, "AllFormFactors", "Host").ExtensionPoint.find((e) => e.$["xsi:type"] === "CustomFunctions");
  const desktop = child(host, "DesktopFormFactor", "Host");
  const commandSurface = desktop.ExtensionPoint.find((e) => e.$["xsi:type"] === "PrimaryCommandSurface");
  return { host, functions, commandSurface };
}

function ribbonOf(commandSurface, resource, locale) {
  const tab = child(commandSurface, "OfficeTab", "PrimaryCommandSurface");
  const group = child(tab, "Group", "OfficeTab");
  return {
    contexts: ["default"],
    tabs: [
      {
        builtInTabId: tab.$.id,
        groups: [
          {
            id: group.$.id,
            label:
              resource(child(group, "Label", group.$.id).$.resid)[locale] || resource(child(group, "Label", group.$.id).$.resid).default,
            icons: iconsOf(child(group, "Icon", group.$.id), resource, locale),
            controls: group.Control.map((control) => buttonOf(control, resource, locale)),
          },
        ],
      },
    ],
  };
}

/** Requirement sets of the XML's <Requirements> as unified-manifest capabilities. */
function capabilitiesOf(app) {
  const sets = child(child(app, "Requirements", "OfficeApp"), "Sets", "Requirements");
  const defaultMin = sets.$ && sets.$.DefaultMinVersion;
  return sets.Set.map((set) => ({ name: set.$.Name, minVersion: set.$.MinVersion || defaultMin }));
}

/** The unified manifest (object) of an XML manifest's text, strings in the default locale. */
function unifiedManifest(xmlText) {
  const app = parseXml(xmlText);
  const versionOverrides = child(app, "VersionOverrides", "OfficeApp");
  const resource = resourcesOf(versionOverrides);
  const { host, functions, commandSurface } = workbookHostOf(versionOverrides);
  const displayName = localized(child(app, "DisplayName", "OfficeApp"));
  const description = localized(child(app, "Description", "OfficeApp"));
  if (displayName.default.length > SHORT_NAME_MAX) throw new Error(`manifest.xml: the display name is over ${SHORT_NAME_MAX} characters`);
  const taskpaneUrl = resource(child(child(functions, "Page", "CustomFunctions"), "SourceLocation", "Page").$.resid).default;
  const runtime = child(child(host, "Runtimes", "Host"), "Runtime", "Runtimes");
  const supportUrl = child(app, "SupportUrl", "OfficeApp").$.DefaultValue;
  const permission = PERMISSIONS[child(app, "Permissions", "OfficeApp")];
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    id: child(app, "Id", "OfficeApp"),
    version: child(app, "Version", "OfficeApp").split(".").slice(0, 3).join("."),
    name: { short: displayName.default, full: displayName.default },
    description: { short: shortDescription(description.default), full: description.default },
    developer: {
      name: child(app, "ProviderName", "OfficeApp"),
      websiteUrl: supportUrl,
      privacyUrl: new URL("help/privacy.html", supportUrl).href,
      termsOfUseUrl: new URL("help/terms.html", supportUrl).href,
    },
    icons: ICONS,
    accentColor: ACCENT_COLOR,
    localizationInfo: {
      defaultLanguageTag: child(app, "DefaultLocale", "OfficeApp").toLowerCase(),
      additionalLanguages: localesOf(app).map((locale) => ({ languageTag: locale, file: localizationFileOf(locale) })),
    },
    authorization: { permissions: { resourceSpecific: [{ name: permission, type: "Delegated" }] } },
    validDomains: [new URL(taskpaneUrl).host],
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: capabilitiesOf(app) },
        runtimes: [
          {
            id: RUNTIME_ID,
            type: "general",
            code: {
              page: taskpaneUrl,
              script: resource(child(child(functions, "Script", "CustomFunctions"), "SourceLocation", "Script").$.resid).default,
            },
            lifetime: runtime.$.lifetime,
            actions: actionsOf(commandSurface),
            customFunctions: {
              namespace: {
                id: resource(child(functions, "Namespace", "CustomFunctions").$.resid).default,
                name: resource(child(functions, "Namespace", "CustomFunctions").$.resid).default,
              },
              metadataUrl: resource(child(child(functions, "Metadata", "CustomFunctions"), "SourceLocation", "Metadata").$.resid).default,
            },
          },
        ],
        ribbons: [ribbonOf(commandSurface, resource, "default")],
      },
    ],
  };
}

/** The runtime's actions: the pane, and one per ExecuteFunction button. */
function actionsOf(commandSurface) {
  const actions = [{ id: SHOW_TASKPANE, type: "openPage" }];
  for (const control of child(child(commandSurface, "OfficeTab", "PrimaryCommandSurface"), "Group", "OfficeTab").Control) {
    const action = child(control, "Action", control.$.id);
    if (action.$["xsi:type"] === "ExecuteFunction")
      actions.push({ id: child(action, "FunctionName", control.$.id), type: "executeFunction" });
  }
  return actions;
}

/** Locales the XML overrides its display name in (zh-cn). */
function localesOf(app) {
  return Object.keys(localized(child(app, "DisplayName", "OfficeApp"))).filter((key) => key !== "default");
}

function localizationFileOf(locale) {
  return `manifest.${locale}.json`;
}

/**
 * The localization file of `locale`: every string the manifest shows, and the custom
 * functions' metadata URL (functions.zh-cn.json holds the Chinese names and descriptions).
 */
function unifiedLocalization(xmlText, locale) {
  const app = parseXml(xmlText);
  const versionOverrides = child(app, "VersionOverrides", "OfficeApp");
  const resource = resourcesOf(versionOverrides);
  const { functions, commandSurface } = workbookHostOf(versionOverrides);
  const name = localized(child(app, "DisplayName", "OfficeApp"))[locale];
  const description = localized(child(app, "Description", "OfficeApp"))[locale];
  const metadata = resource(child(child(functions, "Metadata", "CustomFunctions"), "SourceLocation", "Metadata").$.resid);
  const out = {
    $schema: LOCALIZATION_SCHEMA_URL,
    "name.short": name,
    "name.full": name,
    "description.short": shortDescription(description),
    "description.full": description,
    "extensions[0].runtimes[0].customFunctions.metadataUrl": metadata[locale] || metadata.default,
  };
  const group = ribbonOf(commandSurface, resource, locale).tabs[0].groups[0];
  const groupKey = "extensions[0].ribbons[0].tabs[0].groups[0]";
  out[`${groupKey}.label`] = group.label;
  group.controls.forEach((control, i) => {
    out[`${groupKey}.controls[${i}].label`] = control.label;
    out[`${groupKey}.controls[${i}].supertip.title`] = control.supertip.title;
    out[`${groupKey}.controls[${i}].supertip.description`] = control.supertip.description;
  });
  return out;
}

/** Every file of the unified manifest: name → JSON text (two-space indent, final newline). */
function unifiedManifestFiles(xmlText) {
  const text = (value) => JSON.stringify(value, null, 2) + "\n";
  const files = { "manifest.json": text(unifiedManifest(xmlText)) };
  for (const locale of localesOf(parseXml(xmlText))) files[localizationFileOf(locale)] = text(unifiedLocalization(xmlText, locale));
  return files;
}

if (require.main === module) {
  const root = path.join(__dirname, "../..");
  if (!process.argv.includes("--write")) {
    console.error("usage: node src/manifest/unified-manifest.js --write");
    process.exit(2);
  }
  const files = unifiedManifestFiles(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, name), content);
    console.log(`wrote ${name}`);
  }
}

module.exports = { unifiedManifest, unifiedLocalization, unifiedManifestFiles, MANIFEST_VERSION };
