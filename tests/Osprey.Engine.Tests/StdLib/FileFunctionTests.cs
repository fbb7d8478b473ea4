using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.StdLib;

public sealed class FileFunctionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private LocalFunctionContext Context(WdlVersion version = WdlVersion.V1_1) =>
        new(version, _dir.Path, Path.Combine(_dir.Path, "tmp"));

    private WdlValue Run(string expression, WdlVersion version = WdlVersion.V1_1, IEvaluationScope? scope = null, IFunctionContext? context = null) =>
        TestEval.Run(expression, version, scope, context: context ?? Context(version));

    private string Fail(string expression, WdlVersion version = WdlVersion.V1_1, IFunctionContext? context = null) =>
        TestEval.Fail(expression, version, context: context ?? Context(version)).Error.Message;

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("basename(\"/path/to/file.txt\")", "file.txt")]
    [InlineData("basename(\"/path/to/file.txt\", \".txt\")", "file")]
    [InlineData("basename(\"file.txt\", \".bam\")", "file.txt")]
    [InlineData("basename(\"s3://bucket/dir/key.vcf.gz\", \".gz\")", "key.vcf")]
    [InlineData("basename(\"/path/to/dir/\")", "dir")]
    [InlineData("basename(\".txt\", \".txt\")", ".txt")]
    public void Basename(string expression, string expected) => Assert.Equal(WdlString.Of(expected), Run(expression));

    [Fact]
    public void Join_paths()
    {
        Assert.Equal(WdlFile.Of("/usr/bin/echo"), Run("join_paths(\"/usr\", \"bin/echo\")", WdlVersion.V1_2));
        Assert.Equal(WdlFile.Of("/usr/bin/echo"), Run("join_paths(\"/usr\", [\"bin\", \"echo\"])", WdlVersion.V1_2));
        Assert.Equal(WdlFile.Of("/usr/bin/echo"), Run("join_paths([\"/usr\", \"bin\", \"echo\"])", WdlVersion.V1_2));
        Assert.Equal(WdlFile.Of(Path.Combine(_dir.Path, "mydir", "a.txt")), Run("join_paths(\"mydir\", \"a.txt\")", WdlVersion.V1_2));
        Assert.Equal(WdlFile.Of("s3://bucket/dir/a.txt"), Run("join_paths(\"s3://bucket/dir/\", \"a.txt\")", WdlVersion.V1_2));
        Assert.Equal("join_paths(): '/etc' is an absolute path; only the first path may be absolute", Fail("join_paths(\"/usr\", \"/etc\")", WdlVersion.V1_2));
    }

    [Fact]
    public void Glob_returns_only_files_sorted()
    {
        _dir.Write("a_file_2.txt", "2");
        _dir.Write("a_file_1.txt", "1");
        _dir.Write("a_dir/a_inner.txt", "x");
        _dir.Write(".a_hidden", "h");
        _dir.Write("b.txt", "b");
        var files = Assert.IsType<WdlArray>(Run("glob(\"a_*\")"));
        Assert.Equal("Array[File]", files.Type.Display);
        Assert.Equal([Path.Combine(_dir.Path, "a_file_1.txt"), Path.Combine(_dir.Path, "a_file_2.txt")],
            files.Items.Select(f => ((WdlFile)f).Location));
        Assert.Equal(WdlInt.Of(1), Run("length(glob(\"a_dir/*.txt\"))"));
        Assert.Equal(WdlInt.Of(2), Run("length(glob(\"a_file_[12].txt\"))"));
        Assert.Equal(WdlInt.Of(0), Run("length(glob(\"nothing*\"))"));
        Assert.Equal(WdlInt.Of(1), Run("length(glob(\"b.txt\"))"));
    }

    [Fact]
    public void Size_with_units_none_and_compound_values()
    {
        _dir.Write("created_file", "this file is 22 bytes\n");
        var scope = TestEval.Scope(("missing_file", WdlNone.Instance));
        Assert.Equal(WdlFloat.Of(0), Run("size(missing_file)", scope: scope));
        Assert.Equal(WdlFloat.Of(22), Run("size(\"created_file\", \"B\")"));
        Assert.Equal(WdlFloat.Of(0.022), Run("size([\"created_file\", missing_file], \"K\")", scope: scope));
        Assert.Equal(WdlFloat.Of(0.022), Run("size(\"created_file\", \"KB\")"));
        Assert.Equal(WdlFloat.Of(22 / 1024.0), Run("size(\"created_file\", \"KiB\")"));
        Assert.Equal(WdlFloat.Of(22 / 1024.0), Run("size(\"created_file\", \"ki\")"));
        Assert.Equal(WdlFloat.Of(22 / 1e6), Run("size(\"created_file\", \"MB\")"));
        Assert.Equal(WdlFloat.Of(22 / (1024.0 * 1024 * 1024)), Run("size(\"created_file\", \"GiB\")"));
        Assert.Equal(WdlFloat.Of(22 / 1e12), Run("size(\"created_file\", \"T\")"));

        // Compound values (1.2): only File/Directory values nested in maps, pairs and structs count.
        var file = WdlFile.Of("created_file");
        var pair = WdlPair.Create(file, WdlString.Of("created_file"));
        Assert.Equal(WdlFloat.Of(22), Run("size(p)", WdlVersion.V1_2, TestEval.Scope(("p", pair))));
        var map = WdlMap.Create(WdlType.String, WdlType.File, [new(WdlString.Of("k"), file), new(WdlString.Of("j"), file)]);
        Assert.Equal(WdlFloat.Of(44), Run("size(m)", WdlVersion.V1_2, TestEval.Scope(("m", map))));

        _dir.Write("d/x", "12345");
        _dir.Write("d/sub/y", "123");
        Assert.Equal(WdlFloat.Of(8), Run("size(d)", WdlVersion.V1_2, TestEval.Scope(("d", WdlDirectory.Of("d")))));

        Assert.Equal("size(): 'nope.txt' does not exist", Fail("size(\"nope.txt\")"));
        Assert.StartsWith("size(): unknown unit 'XB'", Fail("size(\"created_file\", \"XB\")"));
    }

    [Fact]
    public void Stdout_and_stderr_only_in_task_outputs()
    {
        Assert.Equal("stdout(): stdout() is only available in the output section of a task", Fail("stdout()"));
        string outPath = _dir.Write("stdout", "hello world");
        string errPath = _dir.Write("stderr", "oops\n");
        var context = Context().WithStandardStreams(outPath, errPath);
        Assert.Equal(WdlString.Of("hello world"), Run("read_string(stdout())", context: context));
        Assert.Equal(WdlString.Of("oops"), Run("read_string(stderr())", context: context));
        Assert.Equal(WdlFile.Of(outPath), Run("stdout()", context: context));
    }

    [Fact]
    public void Remote_files_must_be_localized_before_reading()
    {
        Assert.Equal("read_string(): 's3://bucket/key' is not a local path; it must be localized before it can be read",
            Fail("read_string(\"s3://bucket/key\")"));
        Assert.Equal(WdlString.Of("key"), Run("basename(\"s3://bucket/key\")"));
    }
}
