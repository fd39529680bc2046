// Placeholder so the foundation builds (helper-8's task pane work replaces this file).
import { createRoot } from "react-dom/client";

const container = document.getElementById("container");
if (container) createRoot(container).render(<p>Scrutiny Sheets</p>);
