using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Path and file-attribute functions: <c>basename</c>, <c>join_paths</c>, <c>glob</c>, <c>size</c>,
/// <c>stdout</c>, <c>stderr</c>. (Reading and writing contents are in <see cref="ReadFunctions"/> and
/// <see cref="WriteFunctions"/>.)
/// </summary>
internal static class FileFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("basename", 1, 2, WdlVersion.Draft2, Basename),
        new("join_paths", 1, 2, WdlVersion.V1_2, JoinPaths),
        new("glob", 1, 1, WdlVersion.Draft2, GlobFiles),
        new("size", 1, 2, WdlVersion.Draft2, Size),
        new("stdout", 0, 0, WdlVersion.Draft2, (_, c) => c.Stdout ?? throw new WdlValueException("stdout() is only available in the output section of a task")),
        new("stderr", 0, 0, WdlVersion.Draft2, (_, c) => c.Stderr ?? throw new WdlValueException("stderr() is only available in the output section of a task")),
    ];

    /// <summary>
    /// The name after the last '/', ignoring trailing slashes (so a directory "a/b/" gives "b", as
    /// the shell's basename does). The suffix is removed when the name ends with it and is longer.
    /// </summary>
    private static WdlValue Basename(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string path = Args.Path(args, 0);
        string trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) trimmed = path.Length > 0 ? "/" : string.Empty;
        string name = trimmed == "/" ? "/" : trimmed[(trimmed.LastIndexOf('/') + 1)..];
        if (args.Count > 1)
        {
            string suffix = Args.String(args, 1, context.Version);
            if (suffix.Length > 0 && name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        }
        return WdlString.Of(name);
    }

    private static WdlValue JoinPaths(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string first;
        List<string> rest;
        if (args.Count == 2)
        {
            first = Args.Path(args, 0);
            rest = args[1] is WdlArray more ? Args.Strings(more, 1, context.Version) : [Args.String(args, 1, context.Version)];
        }
        else
        {
            var all = Args.Strings(Args.Array(args, 0), 0, context.Version);
            if (all.Count == 0) throw new WdlValueException("argument 1: the array of paths must not be empty");
            first = all[0];
            rest = all.GetRange(1, all.Count - 1);
        }
        string joined = first;
        foreach (var part in rest)
        {
            if (part.StartsWith('/') || IsUri(part))
                throw new WdlValueException($"'{part}' is an absolute path; only the first path may be absolute");
            if (part.Length == 0) continue;
            joined = joined.Length == 0 ? part : joined.TrimEnd('/') + "/" + part;
        }
        if (IsUri(joined)) return WdlFile.Of(joined);
        return WdlFile.Of(Path.GetFullPath(Path.IsPathRooted(joined) ? joined : Path.Combine(context.WorkingDirectory, joined)));
    }

    internal static bool IsUri(string path)
    {
        int i = path.IndexOf("://", StringComparison.Ordinal);
        return i > 0 && path[..i].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static WdlValue GlobFiles(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var matches = Glob.Expand(Args.String(args, 0, context.Version), context.WorkingDirectory, context.CancellationToken);
        var files = new WdlValue[matches.Count];
        for (int i = 0; i < files.Length; i++) files[i] = WdlFile.Of(matches[i]);
        return WdlArray.Own(WdlType.ArrayOf(WdlType.File), files);
    }

    /// <summary>
    /// Size of a file, a directory (all files under it), or the files and directories nested
    /// anywhere in a compound value; None counts 0. A String is taken as a path at the top level
    /// and inside arrays (<c>size(["a.txt", f])</c>), but not inside maps, pairs or structs, where
    /// only File and Directory values count.
    /// </summary>
    private static WdlValue Size(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        double factor = args.Count > 1 ? UnitFactor(Args.String(args, 1, context.Version)) : 1;
        double bytes = SizeOf(args[0], context, stringsArePaths: true);
        double result = bytes / factor;
        if (!double.IsFinite(result)) throw new WdlValueException("the size cannot be represented as a Float in this unit");
        return WdlFloat.Of(result);
    }

    private static double SizeOf(WdlValue value, IFunctionContext context, bool stringsArePaths)
    {
        switch (value)
        {
            case WdlNone: return 0;
            case WdlFile f: return PathSize(f.Location, context);
            case WdlDirectory d: return PathSize(d.Location, context);
            case WdlString s when stringsArePaths: return PathSize(s.Value, context);
            case WdlArray a:
                {
                    double sum = 0;
                    foreach (var item in a.AsSpan()) sum += SizeOf(item, context, stringsArePaths);
                    return sum;
                }
            case WdlMap m:
                {
                    double sum = 0;
                    foreach (var (k, v) in m.Entries) sum += SizeOf(k, context, false) + SizeOf(v, context, false);
                    return sum;
                }
            case WdlPair p: return SizeOf(p.Left, context, false) + SizeOf(p.Right, context, false);
            case IMemberValue members:
                {
                    double sum = 0;
                    foreach (var name in members.MemberNames)
                    {
                        members.TryGetMember(name, out var v);
                        sum += SizeOf(v, context, false);
                    }
                    return sum;
                }
            case WdlPrimitive when !stringsArePaths:
                return 0;
            default:
                throw new WdlValueException($"argument 1: expected a File, Directory or a value containing them, got {ValueCoercion.Describe(value)}");
        }
    }

    private static double PathSize(string location, IFunctionContext context)
    {
        string path = context.ResolveLocalPath(location);
        if (File.Exists(path)) return new FileInfo(path).Length;
        if (Directory.Exists(path))
        {
            double sum = 0;
            foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                sum += file.Length;
            }
            return sum;
        }
        throw new WdlValueException($"'{location}' does not exist");
    }

    /// <summary>Bytes per unit: B; decimal K/KB, M/MB, G/GB, T/TB, P/PB; binary Ki/KiB ... Pi/PiB (case-insensitive).</summary>
    internal static double UnitFactor(string unit)
    {
        string u = unit.Trim().ToUpperInvariant();
        return u switch
        {
            "B" => 1,
            "K" or "KB" => 1e3,
            "M" or "MB" => 1e6,
            "G" or "GB" => 1e9,
            "T" or "TB" => 1e12,
            "P" or "PB" => 1e15,
            "KI" or "KIB" => 1024d,
            "MI" or "MIB" => 1024d * 1024,
            "GI" or "GIB" => 1024d * 1024 * 1024,
            "TI" or "TIB" => 1024d * 1024 * 1024 * 1024,
            "PI" or "PIB" => 1024d * 1024 * 1024 * 1024 * 1024,
            _ => throw new WdlValueException($"unknown unit '{unit}' (use B, KB/K, MB/M, GB/G, TB/T, KiB/Ki, MiB/Mi, GiB/Gi or TiB/Ti)"),
        };
    }
}
