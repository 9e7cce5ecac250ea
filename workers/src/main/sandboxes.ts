// The department sandboxes as one process: stand-ins for the departments' real systems.
import { startDepartmentSandboxes } from "../sandboxes";

const sandboxes = await startDepartmentSandboxes();
for (const [code, s] of Object.entries(sandboxes)) console.log(`sandbox ${code} listening on ${s.url}`);
const stop = () => {
  void Promise.all(Object.values(sandboxes).map((s) => s.close())).then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
