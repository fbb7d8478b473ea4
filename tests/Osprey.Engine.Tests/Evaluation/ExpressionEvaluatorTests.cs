using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Evaluation;

public class ExpressionEvaluatorTests
{
    private static readonly StructType BankAccount = new("BankAccount",
    [
        new("account_number", WdlType.String),
        new("routing_number", WdlType.Int),
        new("balance", WdlType.Float),
        new("pin_digits", new ArrayType(WdlType.Int, true, false)),
        new("username", WdlType.String.Optional),
    ], false);

    private static readonly StructType Person = new("Person",
        [new("name", WdlType.String), new("account", BankAccount.Optional)], false);

    private static readonly Dictionary<string, StructType> Structs = new() { ["BankAccount"] = BankAccount, ["Person"] = Person };

    [Fact]
    public void Literals()
    {
        Assert.Equal("[1,2,3]", TestEval.Json("[1, 2, 3]"));
        Assert.Equal("[1.0,2.5]", TestEval.Json("[1, 2.5]"));
        Assert.Equal("Array[Float]", TestEval.Run("[1, 2.5]").Type.Display);
        Assert.Equal("Array[Int?]", TestEval.Run("[None, 1]").Type.Display);
        Assert.Equal("Array[Array[Int]]", TestEval.Run("[[], [1]]").Type.Display);
        Assert.Equal("Array[Any]", TestEval.Run("[]").Type.Display);
        Assert.Equal("{\"a\":1,\"b\":2}", TestEval.Json("{\"a\": 1, \"b\": 2}"));
        Assert.Equal("Map[Int, Int]", TestEval.Run("{1: 10, 2: 11}").Type.Display);
        Assert.Equal("Pair[Int, Array[String]]", TestEval.Run("(5, [\"hello\", \"goodbye\"])").Type.Display);
        Assert.Equal("{\"a\":10,\"b\":\"hello\"}", TestEval.Json("object { a: 10, b: \"hello\" }"));
        Assert.Equal("Array[File]", TestEval.Run("[\"a\", f]", scope: TestEval.Scope(("f", WdlFile.Of("/b")))).Type.Display);
    }

    [Fact]
    public void Literal_errors()
    {
        Assert.Equal("array elements have no common type: Int and String (at position 1)", TestEval.Fail("[1, \"a\"]").Error.Message);
        var (error, span) = TestEval.Fail("{\"a\": 1, \"a\": 2}");
        Assert.Equal("duplicate key \"a\" in map literal", error.Message);
        Assert.Equal("\"a\"", span);
    }

    [Fact]
    public void Names_resolve_through_the_scope()
    {
        var parent = TestEval.Scope(("x", WdlInt.Of(1)));
        var child = new DictionaryScope(parent);
        child.Set("y", WdlInt.Of(2));
        Assert.Equal(WdlInt.Of(3), TestEval.Run("x + y", scope: child));
        var (error, span) = TestEval.Fail("x + z", scope: child);
        Assert.Equal("'z' is not defined (no value is bound to this name)", error.Message);
        Assert.Equal("z", span);
    }

    [Fact]
    public void If_then_else_evaluates_only_the_taken_branch()
    {
        Assert.Equal(WdlBoolean.False, TestEval.Run("if 1 > 2 then true else false"));
        Assert.Equal(WdlInt.Of(1), TestEval.Run("if true then 1 else 1 / 0"));
        Assert.Equal(WdlInt.Of(2), TestEval.Run("if false then [][0] else 2"));
        Assert.Equal("the condition of if-then-else must be a Boolean, got 1", TestEval.Fail("if 1 then 2 else 3").Error.Message);
    }

    [Fact]
    public void Array_indexing()
    {
        var scope = TestEval.Scope(("strings", WdlArray.Create(WdlType.String, WdlString.Of("hello"), WdlString.Of("world"))), ("index", WdlInt.Of(0)));
        Assert.Equal(WdlString.Of("hello"), TestEval.Run("strings[index]", scope: scope));
        var (error, span) = TestEval.Fail("strings[2]", scope: scope);
        Assert.Equal("index 2 is out of range for an array of length 2 (valid indexes are 0 to 1)", error.Message);
        Assert.Equal("strings[2]", span);
        Assert.Equal("index 0 is out of range: the array is empty", TestEval.Fail("[][0]").Error.Message);
        Assert.Equal("an array index must be an Int, got \"a\"", TestEval.Fail("[1][\"a\"]").Error.Message);
    }

    [Fact]
    public void Map_indexing()
    {
        Assert.Equal(WdlInt.Of(10), TestEval.Run("{1: 10, 2: 11}[1]"));
        Assert.Equal(WdlInt.Of(2), TestEval.Run("{\"a\": 1, \"b\": 2}[\"b\"]"));
        var files = TestEval.Scope(("m", WdlMap.Create(WdlType.File, WdlType.Int, [new(WdlFile.Of("/path/to/file1"), WdlInt.Of(0))])));
        Assert.Equal(WdlInt.Of(0), TestEval.Run("m[\"/path/to/file1\"]", scope: files));
        var (error, span) = TestEval.Fail("{\"a\": 1, \"b\": 2}[\"c\"]");
        Assert.Equal("key \"c\" is not in the map", error.Message);
        Assert.Equal("{\"a\": 1, \"b\": 2}[\"c\"]", span);
    }

    [Fact]
    public void Member_access_on_pairs_structs_objects_and_calls()
    {
        Assert.Equal(WdlInt.Of(5), TestEval.Run("(5, [\"hello\"]).left"));
        Assert.Equal(WdlString.Of("hello"), TestEval.Run("(5, [\"hello\"]).right[0]"));
        Assert.Equal(WdlInt.Of(10), TestEval.Run("object { a: 10 }.a"));

        var call = WdlObject.Create([new("bar", WdlString.Of("bar"))]);
        Assert.Equal(WdlString.Of("bar"), TestEval.Run("foo.bar", scope: TestEval.Scope(("foo", call))));
        // A scope may bind dotted names directly.
        Assert.Equal(WdlInt.Of(1), TestEval.Run("task1.out", scope: TestEval.Scope(("task1.out", WdlInt.Of(1)))));
        // Outputs of a call that did not run are None.
        Assert.Same(WdlNone.Instance, TestEval.Run("skipped.greeting", scope: TestEval.Scope(("skipped", WdlNone.Instance))));

        var (error, span) = TestEval.Fail("foo.baz", scope: TestEval.Scope(("foo", call)));
        Assert.Equal("the object has no member 'baz' (members: bar)", error.Message);
        Assert.Equal("baz", span);
        Assert.Equal("a Pair has only the members 'left' and 'right', not 'first'", TestEval.Fail("(1, 2).first").Error.Message);
        Assert.Equal("a Map has no members; use [\"a\"] to look up a key", TestEval.Fail("{\"a\": 1}.a").Error.Message);
    }

    [Fact]
    public void Struct_literals_are_validated_and_coerced()
    {
        string literal = """
            Person {
              name: "John",
              account: BankAccount {
                account_number: "123456",
                routing_number: 300211325,
                balance: 3,
                pin_digits: [1, 2, 3, 4]
              }
            }
            """;
        var john = Assert.IsType<WdlStruct>(TestEval.Run(literal, structs: Structs));
        Assert.Equal("{\"name\":\"John\",\"account\":{\"account_number\":\"123456\",\"routing_number\":300211325,\"balance\":3.0,\"pin_digits\":[1,2,3,4],\"username\":null}}",
            ValueJson.Serialize(john));
        Assert.Equal(WdlFloat.Of(3), TestEval.Run(literal + ".account.balance", structs: Structs));

        var missing = TestEval.Fail("BankAccount { routing_number: 1, balance: 1.0, pin_digits: [1] }", structs: Structs);
        Assert.Equal("struct BankAccount literal is missing the required member 'account_number'", missing.Error.Message);

        var empty = TestEval.Fail("BankAccount { account_number: \"x\", routing_number: 1, balance: 1.0, pin_digits: [] }", structs: Structs);
        Assert.Equal("member 'pin_digits' of struct BankAccount: expected a non-empty array (Array[Int]+), got an empty array", empty.Error.Message);
        Assert.Equal("[]", empty.SpanText);

        Assert.Equal("struct Person has no member 'age'", TestEval.Fail("Person { name: \"a\", age: 1 }", structs: Structs).Error.Message);
        Assert.Equal("unknown struct 'Nope'", TestEval.Fail("Nope { a: 1 }", structs: Structs).Error.Message);
    }

    [Fact]
    public void Declared_types_coerce_the_result()
    {
        var (expr, _) = TestEval.Parse("[1, 2, 3]");
        var evaluator = new ExpressionEvaluator(new LocalFunctionContext(WdlVersion.V1_1, Path.GetTempPath()));
        var floats = evaluator.Evaluate(expr, WdlType.ArrayOf(WdlType.Float), new DictionaryScope());
        Assert.Equal("Array[Float]", floats.Type.Display);

        var (words, _) = TestEval.Parse("{\"a\": 10, \"b\": 11}");
        var type = new StructType("Words", [new("a", WdlType.Int), new("b", WdlType.Int)], false);
        Assert.Equal("Words { a: 10, b: 11 }", evaluator.Evaluate(words, type, new DictionaryScope()).ToString());

        var (empty, _) = TestEval.Parse("[]");
        var error = Assert.Throws<EvaluationException>(() => evaluator.Evaluate(empty, new ArrayType(WdlType.Boolean, true, false), new DictionaryScope()));
        Assert.Equal("expected a non-empty array (Array[Boolean]+), got an empty array", error.Message);
    }

    [Fact]
    public void Function_call_errors()
    {
        var (error, span) = TestEval.Fail("nope(1)");
        Assert.Equal("unknown function 'nope'", error.Message);
        Assert.Equal("nope", span);
        Assert.Equal("floor() takes 1 argument, got 2", TestEval.Fail("floor(1, 2)").Error.Message);
        var (bad, badSpan) = TestEval.Fail("1 + floor(\"x\")");
        Assert.Equal("floor(): argument 1: expected Float, got \"x\"", bad.Message);
        Assert.Equal("floor(\"x\")", badSpan);
    }

    [Fact]
    public void Hints_literals_evaluate_to_objects()
    {
        var (expr, _) = TestEval.Parse("1");
        var hints = new HintsLiteral("hints", [new MemberEntry(new Identifier("cpu", expr.Span), expr, expr.Span)], expr.Span);
        var evaluator = new ExpressionEvaluator(new LocalFunctionContext(WdlVersion.V1_2, Path.GetTempPath()));
        var value = Assert.IsType<WdlObject>(evaluator.Evaluate(hints, new DictionaryScope()));
        Assert.True(value.TryGetMember("cpu", out var cpu));
        Assert.Equal(WdlInt.Of(1), cpu);
    }
}
