import { openSqliteSearch } from "../sqlite";
import { searchEngineSuite } from "./engine-suite";

searchEngineSuite("SQLite FTS5", async () => openSqliteSearch(":memory:"));
