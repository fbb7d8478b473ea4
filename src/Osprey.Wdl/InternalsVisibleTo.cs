using System.Runtime.CompilerServices;

// Lexer and parser internals are tested directly (token spans, recovery) without widening the public API.
[assembly: InternalsVisibleTo("Osprey.Wdl.Tests")]
