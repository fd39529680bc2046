/** @jest-environment jsdom */
// The notice dialog page: the notice travels in the address and is shown as text only.
import { noticeFromUrl, noticeUrl, renderNotice } from "../../src/commands/notice";

describe("notice page", () => {
  const notice = {
    kind: "error" as const,
    title: "Refresh did not finish",
    message: '<img src=x onerror="alert(1)"> & more',
  };

  it("carries the notice in its address and reads it back", () => {
    const url = noticeUrl("https://localhost:3000/commands.html?x=1#top", notice);
    expect(url.startsWith("https://localhost:3000/commands.html?notice=")).toBe(true);
    expect(noticeFromUrl(url)).toEqual(notice);
    expect(noticeFromUrl("https://localhost:3000/commands.html")).toBeNull();
    expect(noticeFromUrl("https://localhost:3000/commands.html?notice=%7Bbad")).toBeNull();
  });

  it("shows the notice as text, announced to screen readers, with a Close button that has focus", () => {
    let closed = 0;
    renderNotice(document, notice, () => closed++);
    const main = document.querySelector("main")!;
    expect(main.getAttribute("role")).toBe("alert");
    expect(document.querySelector("h1")!.textContent).toBe(notice.title);
    expect(document.querySelector("p")!.textContent).toBe(notice.message);
    expect(document.querySelector("img")).toBeNull();
    const button = document.querySelector("button")!;
    expect(document.activeElement).toBe(button);
    button.click();
    expect(closed).toBe(1);
  });
});
