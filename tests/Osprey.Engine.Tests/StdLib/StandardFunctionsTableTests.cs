using Osprey.Engine.Evaluation.StdLib;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.StdLib;

public class StandardFunctionsTableTests
{
    [Fact]
    public void Every_function_of_every_version_is_registered()
    {
        string[] expected =
        [
            // draft-2 and 1.0
            "stdout", "stderr", "read_lines", "read_tsv", "read_map", "read_object", "read_objects", "read_json",
            "read_int", "read_string", "read_float", "read_boolean", "write_lines", "write_tsv", "write_map",
            "write_object", "write_objects", "write_json", "size", "sub", "range", "transpose", "zip", "cross",
            "length", "flatten", "prefix", "select_first", "select_all", "defined", "basename", "floor", "ceil",
            "round", "glob",
            // 1.1
            "min", "max", "suffix", "quote", "squote", "sep", "unzip", "as_pairs", "as_map", "keys", "collect_by_key",
            // 1.2
            "find", "matches", "join_paths", "contains", "chunk", "contains_key", "values",
        ];
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), StandardFunctions.All.Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("floor", WdlVersion.Draft2)]
    [InlineData("min", WdlVersion.V1_1)]
    [InlineData("sep", WdlVersion.V1_1)]
    [InlineData("find", WdlVersion.V1_2)]
    [InlineData("contains_key", WdlVersion.V1_2)]
    public void Functions_record_the_version_that_introduced_them(string name, WdlVersion since)
    {
        Assert.True(StandardFunctions.TryGet(name, out var f));
        Assert.Equal(since, f.Since);
    }

    [Fact]
    public void Arity_is_checked_from_the_table()
    {
        Assert.True(StandardFunctions.TryGet("select_first", out var f));
        Assert.True(f.Accepts(1));
        Assert.True(f.Accepts(2));
        Assert.False(f.Accepts(3));
        Assert.Equal("1 to 2 arguments", f.ArityText);
    }
}
