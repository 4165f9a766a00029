import type { Identity, Transactor } from "@itsm/kit";
import { newId, updateProvided, VersionedRecords } from "@itsm/kit";
import { Component } from "./component.entity";
import type { ComponentKind } from "./component.enums";

const AUDITED: (keyof Component & string)[] = ["name", "kind", "description"];

/** How components are changed and audited: each audit entry carries the component's version after the change. */
const components = new VersionedRecords(Component, { typeName: "Component", audited: AUDITED });

/** A new component (the GraphQL `CreateComponentInput` is one). */
export interface NewComponent {
  name: string;
  kind: ComponentKind;
  description: string;
}

/** Changes to a component at the version last read; absent fields keep their value. */
export interface ComponentChanges {
  id: string;
  expectedVersion: number;
  name?: string | null;
  kind?: ComponentKind | null;
  description?: string | null;
}

/** Changes to components: each one transaction, versioned, audited. */
export class ComponentCommands {
  constructor(private readonly transactor: Transactor) {}

  create(input: NewComponent, actor: Identity): Promise<Component> {
    return this.transactor.run(async (manager) => {
      const values = { id: newId(), name: input.name, kind: input.kind, description: input.description };
      return components.insert(manager, values, actor);
    });
  }

  update(input: ComponentChanges, actor: Identity): Promise<Component> {
    return updateProvided(this.transactor, components, input, AUDITED, actor);
  }
}
