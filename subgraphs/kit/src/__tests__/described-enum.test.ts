import "reflect-metadata";
import { printSchema } from "graphql";
import { IsEnum, validateSync } from "class-validator";
import { Arg, buildSchemaSync, Field, ObjectType, Query, Resolver } from "type-graphql";
import { z } from "zod";
import { defineEnum, type EnumValue } from "../schema/described-enum";

const Signal = defineEnum("Signal", "A traffic light's colour.", {
  GREEN: "Go.",
  AMBER: "Stop if you safely can.",
  RED: null,
});
type Signal = EnumValue<typeof Signal>;

@ObjectType()
class Light {
  @Field(() => Signal)
  @IsEnum(Signal)
  signal: Signal;
}

@Resolver()
class LightResolver {
  @Query(() => Light)
  light(@Arg("signal", () => Signal) signal: Signal): Light {
    return Object.assign(new Light(), { signal });
  }
}

// Exhaustive over the type: a member added to the map without a case here fails to compile.
function wait(signal: Signal): number {
  switch (signal) {
    case Signal.GREEN:
      return 0;
    case Signal.AMBER:
      return 3;
    case Signal.RED:
      return 30;
  }
}

describe("defineEnum", () => {
  it("returns a frozen object whose values are the member names, in the map's order", () => {
    expect(Signal).toEqual({ GREEN: "GREEN", AMBER: "AMBER", RED: "RED" });
    expect(Object.values(Signal)).toEqual(["GREEN", "AMBER", "RED"]);
    expect(Object.isFrozen(Signal)).toBe(true);
    expect([Signal.GREEN, Signal.AMBER, Signal.RED].map(wait)).toEqual([0, 3, 30]);
  });

  it("registers the GraphQL enum with its description and the members' descriptions, none where null", () => {
    const sdl = printSchema(buildSchemaSync({ resolvers: [LightResolver] }));
    expect(sdl).toContain(
      [
        '"""A traffic light\'s colour."""',
        "enum Signal {",
        '  """Go."""',
        "  GREEN",
        "",
        '  """Stop if you safely can."""',
        "  AMBER",
        "  RED",
        "}",
      ].join("\n"),
    );
  });

  it("serves as the enum of class-validator and zod", () => {
    expect(validateSync(Object.assign(new Light(), { signal: "AMBER" }))).toEqual([]);
    expect(validateSync(Object.assign(new Light(), { signal: "BLUE" }))).toHaveLength(1);
    expect(z.nativeEnum(Signal).safeParse("RED").success).toBe(true);
    expect(z.nativeEnum(Signal).safeParse("BLUE").success).toBe(false);
  });

  it("refuses a member that is no GraphQL enum value", () => {
    expect(() => defineEnum("Bad", "Starts with a digit.", { "24_7": "Always." })).toThrow(/Names must start with/);
    expect(() => defineEnum("Worse", "A reserved word.", { true: null })).toThrow("Enum values cannot be named: true");
  });
});
