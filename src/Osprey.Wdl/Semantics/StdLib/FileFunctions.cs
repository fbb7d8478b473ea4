using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// Path functions and task-output functions: basename, join_paths, glob, size, stdout, stderr.
/// Reading and writing functions are in <see cref="FileReadFunctions"/> and <see cref="FileWriteFunctions"/>.
/// </summary>
internal static class FileFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        // draft-2/1.0 write basename(String); 1.1 writes basename(File). String and File coerce
        // both ways, so one overload serves every version.
        Function("basename", FunctionFamily.File,
            Overload(Draft2, WdlString, Arg("path", WdlFile), OptionalArg("suffix", WdlString)),
            Overload(V1_2, WdlString, Arg("path", WdlDirectory), OptionalArg("suffix", WdlString))),

        Function("join_paths", FunctionFamily.File,
            Overload(V1_2, WdlFile, Arg("base", WdlFile), Arg("relative", WdlString)),
            Overload(V1_2, WdlFile, Arg("base", WdlFile), Arg("relative", NonEmptyArrayOf(WdlString))),
            Overload(V1_2, WdlFile, Arg("paths", NonEmptyArrayOf(WdlString)))),

        // draft-2 and 1.0 describe glob in the task "Outputs" section rather than the library.
        Function("glob", FunctionFamily.File,
            Overload(Draft2, ArrayOf(WdlFile), Arg("pattern", WdlString)))
            with { Restriction = FunctionRestriction.TaskOutputOnly, Effects = FunctionEffects.ReadsFiles },

        // draft-2: File. 1.0 adds File?, Array[File], Array[File?] ("acceptable compound input
        // types"); 1.1 writes File?|Array[File?]; 1.2 adds Directory and any compound value
        // containing files. Each variant keeps its own id; exact matches win.
        Function("size", FunctionFamily.File,
            Overload(Draft2, WdlFloat, Arg("file", WdlFile), OptionalArg("unit", WdlString)),
            Overload(V1_0, WdlFloat, Arg("file", Optional(WdlFile)), OptionalArg("unit", WdlString)),
            Overload(V1_0, WdlFloat, Arg("files", ArrayOf(WdlFile)), OptionalArg("unit", WdlString)),
            Overload(V1_0, WdlFloat, Arg("files", ArrayOf(Optional(WdlFile))), OptionalArg("unit", WdlString)),
            Overload(V1_2, WdlFloat, Arg("directory", WdlDirectory), OptionalArg("unit", WdlString)),
            Overload(V1_2, WdlFloat, Arg("directory", Optional(WdlDirectory)), OptionalArg("unit", WdlString)),
            Overload(V1_2, WdlFloat, Arg("value", PathContainer), OptionalArg("unit", WdlString)))
            with { Effects = FunctionEffects.ReadsFiles },

        Function("stdout", FunctionFamily.File, Overload(Draft2, WdlFile))
            with { Restriction = FunctionRestriction.TaskOutputOnly, Effects = FunctionEffects.ReadsFiles },
        Function("stderr", FunctionFamily.File, Overload(Draft2, WdlFile))
            with { Restriction = FunctionRestriction.TaskOutputOnly, Effects = FunctionEffects.ReadsFiles },
    ];
}
