// Starts the NHS.UK frontend components (header menu, skip link, tables...).
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();
