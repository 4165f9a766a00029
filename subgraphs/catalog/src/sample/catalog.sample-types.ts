import type { ComponentKind } from "../components/component.enums";
import type { Criticality, ServiceLifecycle, ServiceType } from "../it-services/service.enums";

/** A component of the sample catalogue; `key` is how services refer to it. */
export interface SampleComponent {
  key: string;
  name: string;
  kind: ComponentKind;
  description: string;
}

/** A service of the sample catalogue; components by key, dependencies by service code. */
export interface SampleService {
  code: string;
  name: string;
  description: string;
  category: string;
  type: ServiceType;
  lifecycle: ServiceLifecycle;
  criticality: Criticality;
  owner: string;
  monthlyCost: { amount: string; currency: string };
  components: string[];
  dependsOn: string[];
}
