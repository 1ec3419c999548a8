/**
 * The unified manifest for Microsoft 365 (manifest.json, manifest.zh-cn.json), checked offline:
 * against the official JSON schemas of its manifestVersion (from @microsoft/app-manifest, the
 * package Microsoft's own tooling validates with), against manifest.xml (same id, URLs,
 * requirement sets, ribbon, strings in both languages), and against the files it names.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parseStringPromise } from "xml2js";
import { COMMANDS } from "../../src/commands/commands";
import { MANIFEST_VERSION, unifiedManifestFiles } from "../../src/manifest/unified-manifest";

const ROOT = path.resolve(__dirname, "../..");
const read = (name: string) => fs.readFileSync(path.join(ROOT, name), "utf8");
const XML = read("manifest.xml");
const SCHEMAS = path.join(ROOT, "node_modules/@microsoft/app-manifest/build/json-schemas/teams", `v${MANIFEST_VERSION}`);

/** The parts of manifest.json this test reads (the official schema checks the whole file). */
interface UnifiedManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: { privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
  extensions: ManifestExtension[];
}

interface ManifestExtension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: {
    code: { page: string; script: string };
    lifetime: string;
    customFunctions: { namespace: { id: string; name: string }; metadataUrl: string };
    actions: { id: string; type: string }[];
  }[];
  ribbons: { tabs: { builtInTabId: string; groups: RibbonGroup[] }[] }[];
}

interface RibbonGroup {
  label: string;
  controls: {
    id: string;
    label: string;
    supertip: { description: string };
    actionId: string;
    icons: { size: number; url: string }[];
  }[];
}

/** manifest.zh-cn.json: localization key (a path into manifest.json) → text, and its $schema. */
type Localization = Record<string, string>;

/** xml2js's reading of manifest.xml (attributes under "$", every child element an array): the parts read here. */
interface XmlOfficeApp {
  Id: string[];
  Version: string[];
  DisplayName: XmlLocalized[];
  Description: XmlLocalized[];
  Requirements: { Sets: { Set: { $: { Name: string; MinVersion: string } }[] }[] }[];
  VersionOverrides: { Resources: Record<string, Record<string, XmlResource[]>[]>[] }[];
}

interface XmlOverride {
  $: { Locale: string; Value: string };
}

interface XmlLocalized {
  $: { DefaultValue: string };
  Override: XmlOverride[];
}

interface XmlResource {
  $: { id: string; DefaultValue: string };
  "bt:Override"?: XmlOverride[];
}

async function officeApp(): Promise<XmlOfficeApp> {
  return ((await parseStringPromise(XML)) as { OfficeApp: XmlOfficeApp }).OfficeApp;
}

/** A validator for one of the official schemas (draft-04). */
function validatorOf(schemaFile: string, unicode: boolean) {
  // The localization schema has patterns that are not valid with the "u" flag (`\b]`), the
  // manifest schema needs it (`\p{L}`): Microsoft's tooling compiles each as it can.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: unicode });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, schemaFile), "utf8")));
}

const manifest = JSON.parse(read("manifest.json")) as UnifiedManifest;
const zh = JSON.parse(read("manifest.zh-cn.json")) as Localization;

/** Value at a localization key such as `extensions[0].ribbons[0].tabs[0].groups[0].label`. */
function at(object: unknown, key: string): unknown {
  let value = object;
  for (const part of key.split(".")) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[m[1]];
    for (const index of m[2].match(/\d+/g) ?? []) value = Array.isArray(value) ? (value as unknown[])[Number(index)] : undefined;
  }
  return value;
}

/** resid → { default, zh-cn } of manifest.xml's resources, read on its own (not through the generator). */
async function xmlResources(): Promise<Map<string, Record<string, string>>> {
  const resources = (await officeApp()).VersionOverrides[0].Resources[0];
  const out = new Map<string, Record<string, string>>();
  for (const [group, item] of [
    ["bt:Images", "bt:Image"],
    ["bt:Urls", "bt:Url"],
    ["bt:ShortStrings", "bt:String"],
    ["bt:LongStrings", "bt:String"],
  ]) {
    for (const element of resources[group][0][item]) {
      const value: Record<string, string> = { default: element.$.DefaultValue };
      for (const o of element["bt:Override"] ?? []) value[o.$.Locale.toLowerCase()] = o.$.Value;
      out.set(element.$.id, value);
    }
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const png = fs.readFileSync(path.join(ROOT, file));
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("unified manifest", () => {
  test("the checked-in files are what manifest.xml makes (npm run manifest:json rewrites them)", () => {
    const files = unifiedManifestFiles(XML);
    expect(Object.keys(files).sort()).toEqual(["manifest.json", "manifest.zh-cn.json"]);
    for (const [name, text] of Object.entries(files)) expect(read(name)).toBe(text);
  });

  test(`manifest.json is valid against the official v${MANIFEST_VERSION} schema`, () => {
    const validate = validatorOf("MicrosoftTeams.schema.json", true);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toContain(`/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  });

  test("the schema check can fail: a missing developer, an over-long short name, a wrong scope", () => {
    const validate = validatorOf("MicrosoftTeams.schema.json", true);
    const broken: unknown[] = [
      { ...manifest, developer: undefined },
      { ...manifest, name: { short: "K".repeat(31) } },
      { ...manifest, extensions: [{ ...manifest.extensions[0], requirements: { scopes: ["spreadsheet"] } }] },
    ];
    for (const m of broken) expect(validate(JSON.parse(JSON.stringify(m)))).toBe(false);
  });

  test("manifest.zh-cn.json is valid against the localization schema and every key exists in manifest.json", () => {
    const validate = validatorOf("MicrosoftTeams.Localization.schema.json", false);
    expect(validate(zh) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...zh, "extensions[0].bogus": "x" })).toBe(false);
    const keys = Object.keys(zh).filter((k) => k !== "$schema");
    // Name and description (short, full), the functions' metadata URL, the group, 3 strings per button.
    expect(keys.length).toBe(2 + 2 + 1 + 1 + 2 * 3);
    for (const key of keys) {
      expect(typeof at(manifest, key)).toBe("string");
      expect(zh[key]).toMatch(/[\u3400-\u9fff]|functions\.zh-cn\.json$/);
    }
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: "zh-cn", file: "manifest.zh-cn.json" }]);
  });

  test("same id, version, URLs, namespace and requirement sets as manifest.xml", async () => {
    const doc = await officeApp();
    const res = await xmlResources();
    expect(manifest.id).toBe(doc.Id[0]);
    expect(`${manifest.version}.0`).toBe(doc.Version[0]);
    const runtime = manifest.extensions[0].runtimes[0];
    expect(runtime.code).toEqual({ page: res.get("Taskpane.Url")?.default, script: res.get("Functions.Script.Url")?.default });
    expect(runtime.lifetime).toBe("long");
    expect(runtime.customFunctions.namespace).toEqual({
      id: res.get("Functions.Namespace")?.default,
      name: res.get("Functions.Namespace")?.default,
    });
    expect(runtime.customFunctions.metadataUrl).toBe(res.get("Functions.Metadata.Url")?.default);
    expect(zh["extensions[0].runtimes[0].customFunctions.metadataUrl"]).toBe(res.get("Functions.Metadata.Url")?.["zh-cn"]);
    const sets = doc.Requirements[0].Sets[0].Set.map((s) => ({ name: s.$.Name, minVersion: s.$.MinVersion }));
    expect(manifest.extensions[0].requirements).toEqual({ scopes: ["workbook"], capabilities: sets });
    expect(manifest.name.short).toBe(doc.DisplayName[0].$.DefaultValue);
    expect(zh["name.short"]).toBe(doc.DisplayName[0].Override[0].$.Value);
    expect(manifest.description.full).toBe(doc.Description[0].$.DefaultValue);
    expect(zh["description.full"]).toBe(doc.Description[0].Override[0].$.Value);
  });

  test("the ribbon: the XML's group and buttons, with their strings in both languages and their actions", async () => {
    const res = await xmlResources();
    const group = manifest.extensions[0].ribbons[0].tabs[0].groups[0];
    expect(manifest.extensions[0].ribbons[0].tabs[0].builtInTabId).toBe("TabHome");
    expect(group.label).toBe(res.get("KAPlanner.Group.Label")?.default);
    expect(zh["extensions[0].ribbons[0].tabs[0].groups[0].label"]).toBe(res.get("KAPlanner.Group.Label")?.["zh-cn"]);
    const buttons = [
      { id: "KAPlanner.TaskpaneButton", text: "KAPlanner.TaskpaneButton", actionId: "ShowTaskpane" },
      { id: "KAPlanner.ContributionButton", text: "KAPlanner.ContributionButton", actionId: "buildContributionSheet" },
    ];
    expect(group.controls.map((c) => c.id)).toEqual(buttons.map((b) => b.id));
    buttons.forEach((b, i) => {
      const control = group.controls[i];
      const key = `extensions[0].ribbons[0].tabs[0].groups[0].controls[${i}]`;
      expect(control.label).toBe(res.get(`${b.text}.Label`)?.default);
      expect(control.supertip.description).toBe(res.get(`${b.text}.Tooltip`)?.default);
      expect(zh[`${key}.label`]).toBe(res.get(`${b.text}.Label`)?.["zh-cn"]);
      expect(zh[`${key}.supertip.description`]).toBe(res.get(`${b.text}.Tooltip`)?.["zh-cn"]);
      expect(control.actionId).toBe(b.actionId);
      expect(control.icons.map((icon) => icon.size)).toEqual([16, 32, 80]);
    });
    // Every action the ribbon names exists in the runtime; the function one is what commands.ts associates.
    const actions = manifest.extensions[0].runtimes[0].actions;
    expect(actions).toEqual([
      { id: "ShowTaskpane", type: "openPage" },
      { id: "buildContributionSheet", type: "executeFunction" },
    ]);
    expect(Object.keys(COMMANDS)).toContain("buildContributionSheet");
  });

  test("icons: the files exist with the sizes the schema asks for; the outline icon is white on transparent", () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the icon drawer is a plain script
    const { drawOutline } = require("../../assets/make-icons.js") as { drawOutline: (size: number) => Buffer };
    const rgba = drawOutline(32);
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) continue;
      opaque++;
      expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(0);
    for (const control of manifest.extensions[0].ribbons[0].tabs[0].groups[0].controls) {
      for (const icon of control.icons) expect(fs.existsSync(path.join(ROOT, new URL(icon.url).pathname))).toBe(true);
    }
  });

  test("the developer's privacy and terms pages are served with the add-in", () => {
    for (const url of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      const page = path.join(ROOT, "src", new URL(url).pathname);
      expect(fs.existsSync(page)).toBe(true);
      expect(fs.readFileSync(page, "utf8")).toContain('lang="zh-CN"');
    }
  });
});

describe("app package (Microsoft 365 admin center, Teams)", () => {
  test("holds manifest.json, the localization file and both icons, byte for byte, and nothing else", async () => {
    const JSZip = (await import("jszip")).default;
    const { appPackage } = await import("../../src/manifest/app-package");
    const first = await appPackage(ROOT);
    const zip = await JSZip.loadAsync(first);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["assets/color-192.png", "assets/outline-32.png", "manifest.json", "manifest.zh-cn.json"]);
    for (const name of names)
      expect(Buffer.compare(await zip.file(name)!.async("nodebuffer"), fs.readFileSync(path.join(ROOT, name)))).toBe(0);
    expect(Buffer.compare(await appPackage(ROOT), first)).toBe(0);
  });
});
