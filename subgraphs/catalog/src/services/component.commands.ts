import type { FieldChange, Identity, Transactor } from "@itsm/kit";
import { changesBetween, loadForChange, newId, providedFields, recordChange, updateVersioned } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Component } from "../entities";
import type { CreateComponentInput, UpdateComponentInput } from "../resolvers/component.inputs";

const AUDITED: (keyof Component & string)[] = ["name", "kind", "description"];

/** Changes to components: each one transaction, versioned, audited. */
export class ComponentCommands {
  constructor(private readonly transactor: Transactor) {}

  create(input: CreateComponentInput, actor: Identity): Promise<Component> {
    return this.transactor.run(async (manager) => {
      const id = newId();
      await manager.insert(Component, { id, name: input.name, kind: input.kind, description: input.description });
      const created = await manager.findOneByOrFail(Component, { id });
      await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
      return created;
    });
  }

  update(input: UpdateComponentInput, actor: Identity): Promise<Component> {
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

function audit(manager: EntityManager, component: Component, action: string, actor: Identity, changes: FieldChange[]) {
  return recordChange(manager, {
    entityType: "Component",
    entityId: component.id,
    action,
    actor: actor.subject,
    version: component.version,
    changes,
  });
}
