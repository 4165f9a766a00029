import type { Identity, Transactor } from "@itsm/kit";
import { auditTrailOf, changesBetween, loadForChange, newId, providedFields, updateVersioned } from "@itsm/kit";
import { Component } from "./component.entity";
import type { ComponentKind } from "./component.enums";

const AUDITED: (keyof Component & string)[] = ["name", "kind", "description"];

/** The audit trail of components: each entry carries the component's version after the change. */
const audit = auditTrailOf<Component>("Component", (c) => c.version);

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
      const id = newId();
      await manager.insert(Component, { id, name: input.name, kind: input.kind, description: input.description });
      const created = await manager.findOneByOrFail(Component, { id });
      await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
      return created;
    });
  }

  update(input: ComponentChanges, actor: Identity): Promise<Component> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Component, "Component", input.id, input.expectedVersion);
      const patch = providedFields<Component>(input, AUDITED);
      const changes = changesBetween(current, { ...current, ...patch }, AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, Component, "Component", current, patch);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }
}
