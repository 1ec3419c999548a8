/**
 * Offline structural tests of manifest.xml (the add-in only XML manifest), parsed with xml2js
 * (the parser office-addin-manifest itself uses) in namespace-aware mode. `npm run validate`
 * checks the manifest against Microsoft's online service; these tests check what that service
 * cannot know: that the shared runtime is wired consistently, every resid resolves, the icons
 * exist with the right pixel sizes, and the zh-CN overrides are there.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";
import { COMMANDS } from "../../src/commands/commands";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** A namespace-aware element: local name, namespace URI, attributes by qualified name. */
interface El {
  local: string;
  uri: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
  parent?: El;
}

interface RawNode {
  "#name": string;
  $ns?: { local: string; uri: string };
  $?: Record<string, { value: string }>;
  $$?: RawNode[];
  _?: string;
}

function normalise(raw: RawNode, parent?: El): El {
  const el: El = {
    local: raw.$ns?.local ?? raw["#name"],
    uri: raw.$ns?.uri ?? "",
    attrs: {},
    text: (raw._ ?? "").trim(),
    children: [],
    parent,
  };
  for (const [name, attr] of Object.entries(raw.$ ?? {})) el.attrs[name] = attr.value;
  el.children = (raw.$$ ?? []).map((child) => normalise(child, el));
  return el;
}

function descendants(el: El): El[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The single child with this local name (and namespace); fails if there is not exactly one. */
function child(el: El, local: string, uri?: string): El {
  const found = el.children.filter((c) => c.local === local && (uri === undefined || c.uri === uri));
  if (found.length !== 1) throw new Error(`<${el.local}> has ${found.length} <${local}> children`);
  return found[0];
}

function at(el: El, ...locals: string[]): El {
  return locals.reduce((e, local) => child(e, local), el);
}

function xsiType(el: El): string | undefined {
  // xsi:type is written with the "xsi" prefix throughout the manifest.
  return el.attrs["xsi:type"];
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} does not start with IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The file under the project that a dev URL names (https://localhost:3000/assets/x.png -> assets/x.png). */
function assetFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

const CJK = /[\u3400-\u9fff]/;

let root: El;
let versionOverrides: El;
let host: El;
let resources: El;
/** Resource id -> { kind (Images/Urls/ShortStrings/LongStrings), element }. */
const resourceById = new Map<string, { kind: string; el: El }>();

beforeAll(async () => {
  const xml = fs.readFileSync(MANIFEST, "utf8");
  const parsed = (await parseStringPromise(xml, {
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
  })) as Record<string, RawNode>;
  const [rootRaw] = Object.values(parsed);
  root = normalise(rootRaw);
  versionOverrides = child(root, "VersionOverrides", NS.vo);
  host = at(versionOverrides, "Hosts", "Host");
  resources = child(versionOverrides, "Resources", NS.vo);
  for (const group of resources.children) {
    expect(group.uri).toBe(NS.bt);
    for (const item of group.children) {
      const id = item.attrs.id;
      expect(id).toBeTruthy();
      if (resourceById.has(id)) throw new Error(`duplicate resource id ${id}`);
      resourceById.set(id, { kind: group.local, el: item });
    }
  }
});

function resource(id: string, kind: string): El {
  const r = resourceById.get(id);
  if (!r) throw new Error(`resid "${id}" does not resolve`);
  if (r.kind !== kind) throw new Error(`resid "${id}" is a ${r.kind} resource, expected ${kind}`);
  return r.el;
}

function urlOf(resid: string): string {
  return resource(resid, "Urls").attrs.DefaultValue;
}

/** The zh-CN override value of an element (Override / bt:Override child), if any. */
function zhOverride(el: El): string | undefined {
  return el.children.find((c) => c.local === "Override" && c.attrs.Locale === "zh-CN")?.attrs.Value;
}

describe("manifest.xml: identity", () => {
  test("is a task pane add-in in the appforoffice 1.1 namespace", () => {
    expect(root.local).toBe("OfficeApp");
    expect(root.uri).toBe(NS.app);
    expect(xsiType(root)).toBe("TaskPaneApp");
  });

  test("Id is a GUID of its own (not the template's)", () => {
    const id = child(root, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(id.toLowerCase()).not.toBe("ca968be6-628b-4f14-ba3c-3e614effa9bd");
  });

  test("Version has four numeric parts", () => {
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("provider, default locale, display name", () => {
    expect(child(root, "ProviderName").text).toBe("KA Planner");
    expect(child(root, "DefaultLocale").text).toBe("en-US");
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("KA Planner");
  });

  test("runs in Excel workbooks with ReadWriteDocument", () => {
    expect(at(root, "Hosts", "Host").attrs.Name).toBe("Workbook");
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = at(root, "Requirements", "Sets").children.filter((c) => c.local === "Set");
    const versions = Object.fromEntries(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(versions.SharedRuntime).toBe("1.1");
    expect(versions.CustomFunctionsRuntime).toBe("1.1");
  });

  test("texts fit the manifest's length limits", () => {
    const limited: [El, number][] = [
      [child(root, "DisplayName"), 125],
      [child(root, "Description"), 250],
      ...child(resources, "ShortStrings").children.map((s): [El, number] => [s, 125]),
      ...child(resources, "LongStrings").children.map((s): [El, number] => [s, 250]),
    ];
    for (const [el, max] of limited) {
      for (const value of [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)]) {
        expect(value.length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe("manifest.xml: shared runtime", () => {
  test("VersionOverrides V1_0 for a Workbook host", () => {
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    expect(xsiType(host)).toBe("Workbook");
  });

  test("one long-lived runtime, declared first in the host", () => {
    expect(host.children[0].local).toBe("Runtimes");
    const runtimes = child(host, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].local).toBe("Runtime");
    expect(runtimes[0].attrs.lifetime).toBe("long");
  });

  test("custom functions page, FunctionFile and the task pane button all use the runtime's resid", () => {
    const runtimeResid = at(host, "Runtimes", "Runtime").attrs.resid;
    expect(runtimeResid).toBe("Taskpane.Url");

    const cf = child(host, "AllFormFactors").children.find((c) => xsiType(c) === "CustomFunctions");
    expect(cf).toBeDefined();
    expect(at(cf!, "Page", "SourceLocation").attrs.resid).toBe(runtimeResid);

    const desktop = child(host, "DesktopFormFactor");
    expect(child(desktop, "FunctionFile").attrs.resid).toBe(runtimeResid);

    const actions = descendants(desktop).filter((e) => e.local === "Action" && xsiType(e) === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(child(action, "SourceLocation").attrs.resid).toBe(runtimeResid);
      expect(child(action, "TaskpaneId").text).toBeTruthy();
    }
    // The add-in's default page is the same page.
    expect(at(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(urlOf(runtimeResid));
    expect(urlOf(runtimeResid)).toBe(`${DEV_URL}taskpane.html`);
  });

  test("custom functions: script is the functions bundle, metadata is functions.json, namespace KA", () => {
    const cf = child(host, "AllFormFactors").children.find((c) => xsiType(c) === "CustomFunctions")!;
    expect(urlOf(at(cf, "Script", "SourceLocation").attrs.resid)).toBe(`${DEV_URL}functions.js`);
    const metadata = resource(at(cf, "Metadata", "SourceLocation").attrs.resid, "Urls");
    expect(metadata.attrs.DefaultValue).toBe(`${DEV_URL}functions.json`);
    const namespace = resource(child(cf, "Namespace").attrs.resid, "ShortStrings");
    expect(namespace.attrs.DefaultValue).toBe("KA");
    expect(namespace.children).toHaveLength(0); // the same namespace in every language
  });

  test("a ribbon group with a button on the Home tab, with 16/32/80 icons", () => {
    const surface = child(host, "DesktopFormFactor").children.find((c) => xsiType(c) === "PrimaryCommandSurface")!;
    const group = at(surface, "OfficeTab", "Group");
    const button = group.children.find((c) => c.local === "Control" && xsiType(c) === "Button")!;
    expect(button).toBeDefined();
    for (const holder of [group, button]) {
      const sizes = child(holder, "Icon").children.map((i) => i.attrs.size);
      expect(sizes).toEqual(["16", "32", "80"]);
    }
    expect(resource(child(group, "Label").attrs.resid, "ShortStrings").attrs.DefaultValue).toBe("Key Accounts");
    expect(resource(child(button, "Label").attrs.resid, "ShortStrings").attrs.DefaultValue).toBe("Open KA Planner");
  });
});

describe("manifest.xml: the 80/20 command", () => {
  const controls = (): El[] => descendants(host).filter((e) => e.local === "Control");

  test("a second button in the Key Accounts group runs buildContributionSheet (ExecuteFunction)", () => {
    const surface = child(host, "DesktopFormFactor").children.find((c) => xsiType(c) === "PrimaryCommandSurface")!;
    const group = at(surface, "OfficeTab", "Group");
    const buttons = group.children.filter((c) => c.local === "Control" && xsiType(c) === "Button");
    expect(buttons.map((b) => b.attrs.id)).toEqual(["KAPlanner.TaskpaneButton", "KAPlanner.ContributionButton"]);
    const button = buttons[1];
    const action = child(button, "Action");
    expect(xsiType(action)).toBe("ExecuteFunction");
    expect(child(action, "FunctionName").text).toBe("buildContributionSheet");
    expect(child(button, "Icon").children.map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
    const label = resource(child(button, "Label").attrs.resid, "ShortStrings");
    expect(label.attrs.DefaultValue).toBe("80/20 Sheet");
    expect(zhOverride(label)).toBe("二八贡献表");
    expect(resource(at(button, "Supertip", "Title").attrs.resid, "ShortStrings")).toBe(label);
    const tooltip = resource(at(button, "Supertip", "Description").attrs.resid, "LongStrings");
    expect(tooltip.attrs.DefaultValue).toMatch(/80\/20 contribution sheet/);
    expect(zhOverride(tooltip)).toMatch(CJK);
    // Its own icon (the Pareto bars), not the add-in's.
    const icons = child(button, "Icon").children.map((i) => resource(i.attrs.resid, "Images").attrs.DefaultValue);
    expect(icons).toEqual([16, 32, 80].map((n) => `${DEV_URL}assets/pareto-icon-${n}.png`));
  });

  test("every ExecuteFunction has a handler in src/commands/commands.ts, and every handler a button", () => {
    const names = controls()
      .map((c) => c.children.find((x) => x.local === "Action"))
      .filter((a): a is El => a !== undefined && xsiType(a) === "ExecuteFunction")
      .map((a) => child(a, "FunctionName").text);
    expect(names).toEqual(["buildContributionSheet"]);
    expect(Object.keys(COMMANDS).sort()).toEqual([...names].sort());
    for (const name of names) expect(typeof COMMANDS[name]).toBe("function");
  });
});

describe("manifest.xml: resources", () => {
  /** Which resource group an element's resid must point into. */
  function expectedKind(el: El): string {
    if (el.local === "Image" && el.uri === NS.bt) return "Images";
    if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(el.local)) return "Urls";
    if (el.local === "Description") return "LongStrings";
    if (["Label", "Title", "Namespace"].includes(el.local)) return "ShortStrings";
    throw new Error(`unexpected resid on <${el.local}>`);
  }

  test("every resid resolves to a resource of the right kind", () => {
    const withResid = descendants(versionOverrides).filter((e) => e.attrs.resid !== undefined);
    expect(withResid.length).toBeGreaterThan(10);
    for (const el of withResid) resource(el.attrs.resid, expectedKind(el));
  });

  test("every resource is used", () => {
    const used = new Set(
      descendants(versionOverrides)
        .map((e) => e.attrs.resid)
        .filter(Boolean),
    );
    expect([...resourceById.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("all URLs are https and under the dev server URL that the production build rewrites", () => {
    const urls = [
      child(root, "IconUrl").attrs.DefaultValue,
      child(root, "HighResolutionIconUrl").attrs.DefaultValue,
      child(root, "SupportUrl").attrs.DefaultValue,
      at(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue,
      ...[...child(resources, "Images").children, ...child(resources, "Urls").children].flatMap((r) => [
        r.attrs.DefaultValue,
        ...r.children.map((o) => o.attrs.Value),
      ]),
    ];
    const everyUrlAttribute = descendants(root)
      .flatMap((e) => Object.values(e.attrs))
      .filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith("http://schemas.") && !v.startsWith("http://www.w3.org/"));
    expect(everyUrlAttribute.sort()).toEqual([...urls].sort());
    for (const url of urls) {
      expect(new URL(url).protocol).toBe("https:");
      expect(url.startsWith(DEV_URL)).toBe(true);
    }
  });

  test("every icon exists in assets/ with the pixel size it is used at", () => {
    const checks: [string, number][] = [
      [child(root, "IconUrl").attrs.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of descendants(host).filter((e) => e.local === "Image" && e.uri === NS.bt)) {
      checks.push([resource(img.attrs.resid, "Images").attrs.DefaultValue, Number(img.attrs.size)]);
    }
    for (const img of child(resources, "Images").children) {
      const size = Number(/icon-(\d+)\.png$/.exec(img.attrs.DefaultValue)?.[1]);
      checks.push([img.attrs.DefaultValue, size]);
    }
    expect(checks.length).toBeGreaterThanOrEqual(8);
    for (const [url, size] of checks) {
      const file = assetFile(url);
      expect(path.relative(ROOT, file).startsWith("assets" + path.sep)).toBe(true);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

describe("manifest.xml: zh-CN", () => {
  test("DisplayName and Description have Chinese overrides", () => {
    for (const name of ["DisplayName", "Description"]) {
      const zh = zhOverride(child(root, name));
      expect(zh).toBeDefined();
      expect(zh).toMatch(CJK);
    }
  });

  test("Chinese Excel loads functions.zh-cn.json", () => {
    const metadata = resource("Functions.Metadata.Url", "Urls");
    expect(metadata.attrs.DefaultValue).toBe(`${DEV_URL}functions.json`);
    expect(zhOverride(metadata)).toBe(`${DEV_URL}functions.zh-cn.json`);
  });

  test("every ribbon label and tooltip has a Chinese override", () => {
    const strings = [...child(resources, "ShortStrings").children, ...child(resources, "LongStrings").children];
    for (const s of strings.filter((s) => s.attrs.id !== "Functions.Namespace")) {
      expect(zhOverride(s)).toMatch(CJK);
    }
  });
});
