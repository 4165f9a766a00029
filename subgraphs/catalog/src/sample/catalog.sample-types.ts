import type { NewComponent } from "../components/component.commands";
import type { NewService } from "../it-services/service.commands";

/** A component of the sample catalogue, as `createComponent` would take it; `key` is how services refer to it. */
export interface SampleComponent extends NewComponent {
  key: string;
}

/** A service of the sample catalogue, as `createService` would take it; components by key, dependencies by service code. */
export interface SampleService extends NewService {
  components: string[];
  dependsOn: string[];
}
