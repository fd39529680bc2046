/** @jest-environment jsdom */
// The pane's screens other than the paste: mode, Refresh all, Compare, Settings,
// Monitoring and the standalone workbook, each against the fake host.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { FakeHost, offencesSheet } from "./fakeHost";
import { renderPane, Saved } from "./renderPane";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";
import { modeText } from "../../src/taskpane/messages";

// These screens never read a crime-table paste; a reader that is never called.
const unusedReader = createInlineReader(() => {
  throw new Error("the paste reader should not be used here");
});

const indicatorsSample = fs.readFileSync(
  path.join(__dirname, "../../samples/monitoring/indicators-2016-17.txt"),
  "utf8"
);

function seed(host: FakeHost): void {
  host.dataSheets.push(
    offencesSheet("Merton", "2017-07-02"),
    offencesSheet("Merton", "2017-08-01"),
    offencesSheet("Sutton", "2017-08-01"),
    offencesSheet("Wandsworth", "2017-08-01")
  );
}

describe("mode", () => {
  test("outside Office the pane says it is standalone and offers the workbook download", async () => {
    renderPane(new FakeHost("standalone"), unusedReader);
    expect(screen.getByText(modeText.standalone)).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Download workbook" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open workbook" })).toBeTruthy();
  });

  test("inside Excel the pane says it is connected and has no download", async () => {
    renderPane(new FakeHost("office"), unusedReader);
    expect(screen.getByText("Connected to Excel")).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("button", { name: "Refresh all" })).toBeTruthy());
    expect(screen.queryByRole("button", { name: "Download workbook" })).toBeNull();
  });
});

describe("Refresh all", () => {
  test("asks the host to refresh and says which sheets were written", async () => {
    const host = new FakeHost("office");
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    expect(await screen.findByText("Refreshed: wrote 2 sheets (Checks, Summary).")).toBeTruthy();
    expect(host.refreshes).toBe(1);
  });

  test("a failure from Excel reaches the message bar in plain words", async () => {
    const host = new FakeHost("office");
    host.failNext.set(
      "refreshAll",
      Object.assign(new Error("The operation is not allowed"), {
        code: "InvalidOperationInCellEditMode",
      })
    );
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "Refresh all failed: Excel is editing a cell. Press Enter or Esc in the sheet, then try again."
    );
    fireEvent.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("Compare", () => {
  test("lists the imported areas and builds a comparison of the ones chosen", async () => {
    const host = new FakeHost();
    seed(host);
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
    const merton = await screen.findByRole("checkbox", { name: "Merton (2 periods)" });
    const sutton = screen.getByRole("checkbox", { name: "Sutton (1 period)" });
    fireEvent.click(sutton);
    fireEvent.click(screen.getByRole("button", { name: "Build comparison" }));
    expect(
      await screen.findByText(
        "Choose at least two areas, or one area with several periods for a trend."
      )
    ).toBeTruthy();
    expect(host.comparisons).toEqual([]);

    fireEvent.click(merton);
    fireEvent.click(screen.getByRole("button", { name: "Build comparison" }));
    await screen.findByText("Built: wrote 2 sheets (Compare 2017-09-05, Summary).");
    expect(host.comparisons).toEqual([{ kind: "areas", areas: ["Merton", "Sutton"] }]);
  });

  test("one area with several periods is enough for a trend", async () => {
    const host = new FakeHost();
    seed(host);
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: "Merton (2 periods)" }));
    fireEvent.click(screen.getByRole("button", { name: "Build comparison" }));
    await screen.findByText(/^Built:/);
    expect(host.comparisons).toEqual([{ kind: "areas", areas: ["Merton"] }]);
  });

  test("a group preset builds with the preset's areas, saying how many have data", async () => {
    const host = new FakeHost();
    seed(host);
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
    await screen.findByRole("checkbox", { name: "Merton (2 periods)" });
    fireEvent.click(screen.getByRole("radio", { name: "A group preset" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Group" }));
    fireEvent.click(await screen.findByRole("option", { name: "South West" }));
    expect(
      screen.getByText(
        /Kingston upon Thames, Merton, Richmond upon Thames, Wandsworth: 2 of 4 imported\./
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Build comparison" }));
    await screen.findByText(/^Built:/);
    expect(host.comparisons).toEqual([
      {
        kind: "group",
        group: "South West",
        areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
      },
    ]);
  });
});

describe("Settings", () => {
  test("shows the workbook's thresholds, refuses bad values with a reason, saves good ones", async () => {
    const host = new FakeHost();
    host.settings = { significanceLevel: 0.01, minimumBase: 30, changeThreshold: 25 };
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    const alpha = screen.getByRole("textbox", { name: "Significance level" }) as HTMLInputElement;
    await waitFor(() => expect(alpha.value).toBe("0.01"));
    const base = screen.getByRole("textbox", { name: "Minimum base" }) as HTMLInputElement;
    expect(base.value).toBe("30");

    fireEvent.change(alpha, { target: { value: "5%" } });
    fireEvent.change(base, { target: { value: "12.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      screen.getByText("Enter a number above 0 and below 0.5, for example 0.05.")
    ).toBeTruthy();
    expect(screen.getByText("Enter a whole number of 1 or more, for example 20.")).toBeTruthy();
    expect(host.settings.significanceLevel).toBe(0.01);

    fireEvent.change(alpha, { target: { value: "0.1" } });
    fireEvent.change(base, { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Settings saved in the workbook/);
    expect(host.settings).toEqual({ significanceLevel: 0.1, minimumBase: 10, changeThreshold: 25 });

    // A blank change threshold means no notable-change flag, as the command line builds.
    fireEvent.change(screen.getByRole("textbox", { name: "Change threshold (%)" }), {
      target: { value: " " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(host.settings.changeThreshold).toBeNull());
  });
});

describe("Monitoring", () => {
  test("reads a pasted indicator table, shows each RAG with its reason, builds the sheet", async () => {
    const host = new FakeHost();
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Monitoring" }));
    const box = screen.getByRole("textbox", { name: "Paste indicator table" });
    fireEvent.paste(box, {
      clipboardData: { getData: (type: string) => (type === "text/plain" ? indicatorsSample : "") },
    });
    const list = await screen.findByRole("list", { name: "Indicators" });
    const items = within(list).getAllByRole("listitem");
    expect(items.length).toBe(
      indicatorsSample.split("\n").filter((l) => /\t(Lower|Higher) is better/i.test(l)).length
    );
    expect(items[0]?.textContent).toMatch(/^MOPAC 7 neighbourhood crimes: (Red|Amber|Green) — /);
    expect(screen.getByText(/^Of the \d+ indicators/).getAttribute("role")).toBe("status");
    fireEvent.click(screen.getByRole("button", { name: "Build monitoring sheet" }));
    await screen.findByText("Built: wrote 2 sheets (Monitoring, Summary).");
    expect(host.monitoring[0]?.map((i) => i.name)[0]).toBe("MOPAC 7 neighbourhood crimes");
  });

  test("a bad cell is reported with its line and column, and nothing is built", async () => {
    const host = new FakeHost();
    renderPane(host, unusedReader);
    fireEvent.click(screen.getByRole("tab", { name: "Monitoring" }));
    const bad = indicatorsSample.replace("Lower is better\t1,400", "Sideways\t1,400");
    fireEvent.change(screen.getByRole("textbox", { name: "Paste indicator table" }), {
      target: { value: bad },
    });
    const problems = await screen.findByRole("alert");
    expect(problems.textContent).toMatch(/line 4, column 2/);
    fireEvent.click(screen.getByRole("button", { name: "Build monitoring sheet" }));
    expect(host.monitoring).toEqual([]);
  });
});

describe("Standalone workbook", () => {
  test("Download workbook saves the host's bytes as scrutiny-sheets.xlsx", async () => {
    const host = new FakeHost();
    seed(host);
    const saved: Saved[] = [];
    renderPane(host, unusedReader, saved);
    expect(await screen.findByText("Merton 2017-07-02 (data)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Download workbook" }));
    await screen.findByText(/^Saved scrutiny-sheets.xlsx/);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.fileName).toBe("scrutiny-sheets.xlsx");
    expect(saved[0]?.mimeType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    expect(JSON.parse(new TextDecoder().decode(saved[0]?.bytes))).toHaveLength(4);
  });

  test("Open workbook hands the chosen file's bytes to the host", async () => {
    const host = new FakeHost();
    const { container } = renderPane(host, unusedReader);
    const input = container.querySelector(
      'input[type="file"][accept^=".xlsx"]'
    ) as HTMLInputElement;
    const file = new File([new Uint8Array([80, 75, 3, 4])], "book.xlsx");
    // jsdom's File lacks arrayBuffer(); the browser's has it.
    Object.defineProperty(file, "arrayBuffer", {
      value: async () => new Uint8Array([80, 75, 3, 4]).buffer,
    });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await screen.findByText(/^Opened book.xlsx/);
    expect([...(host.opened[0] ?? [])]).toEqual([80, 75, 3, 4]);
  });

  test("a failed download says so", async () => {
    const host = new FakeHost();
    host.failNext.set("download", new Error("the workbook could not be written"));
    renderPane(host, unusedReader);
    fireEvent.click(await screen.findByRole("button", { name: "Download workbook" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Download workbook failed: the workbook could not be written"
    );
  });
});

describe("a fault in a screen", () => {
  test("is shown in words with a way to carry on, instead of a blank pane", () => {
    const Broken = (): never => {
      throw new Error("the group list could not be drawn");
    };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      );
      expect(screen.getByRole("alert").textContent).toContain(
        "This screen stopped workingthe group list could not be drawn. Nothing was written to the workbook because of it."
      );
      expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });
});
