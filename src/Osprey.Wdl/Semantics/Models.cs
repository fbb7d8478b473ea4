using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>An input of a task or workflow: its resolved type and default (null when none).</summary>
public sealed record InputModel(string Name, WdlType Type, Expression? Default, Declaration Syntax)
{
    /// <summary>Must be supplied by the caller: no default and not optional.</summary>
    public bool IsRequired => Default is null && !Type.IsOptional;
}

/// <summary>A declared output of a task or workflow.</summary>
public sealed record OutputModel(string Name, WdlType Type, Declaration Syntax);

/// <summary>Something a workflow can call: a task or a workflow.</summary>
public abstract class CallableModel
{
    protected CallableModel(string name, DocumentModel document)
    {
        Name = name;
        Document = document;
    }

    public string Name { get; }

    /// <summary>The document that defines it.</summary>
    public DocumentModel Document { get; }

    public List<InputModel> Inputs { get; } = new();

    public List<OutputModel> Outputs { get; } = new();

    /// <summary>
    /// For each declaration, call, or output of this task/workflow: the declarations and calls
    /// its expressions refer to (for a workflow, including those of the scatter and if
    /// expressions around it; <c>after</c> targets too). The engine orders evaluation by it.
    /// </summary>
    public Dictionary<SyntaxNode, HashSet<SyntaxNode>> References { get; } = new(ReferenceEqualityComparer.Instance);

    public InputModel? FindInput(string name) => Inputs.Find(i => i.Name == name);

    public OutputModel? FindOutput(string name) => Outputs.Find(o => o.Name == name);
}

public sealed class TaskModel(TaskNode syntax, DocumentModel document) : CallableModel(syntax.Name.Name, document)
{
    public TaskNode Syntax { get; } = syntax;
}

public sealed class WorkflowModel(WorkflowNode syntax, DocumentModel document) : CallableModel(syntax.Name.Name, document)
{
    public WorkflowNode Syntax { get; } = syntax;

    /// <summary>Every call in the workflow, including those nested in scatters and conditionals, in source order.</summary>
    public List<CallModel> Calls { get; } = new();
}

/// <summary>A resolved call statement.</summary>
public sealed class CallModel(CallNode syntax, CallableModel callee)
{
    public CallNode Syntax { get; } = syntax;

    public string Name => Syntax.CallName.Name;

    public CallableModel Callee { get; } = callee;

    /// <summary>Names of the callee inputs given a value in the call body.</summary>
    public HashSet<string> SuppliedInputs { get; } = new(StringComparer.Ordinal);
}

/// <summary>A checked document: its namespaces, structs, tasks and workflow.</summary>
public sealed class DocumentModel(Document syntax, string location)
{
    public Document Syntax { get; } = syntax;

    /// <summary>The absolute path or URI the document was loaded from.</summary>
    public string Location { get; } = location;

    public WdlVersion Version => Syntax.Version;

    /// <summary>Imported documents by namespace.</summary>
    public Dictionary<string, DocumentModel> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Structs visible in this document by name (own and imported, after aliasing).</summary>
    public Dictionary<string, StructType> Structs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TaskModel> Tasks { get; } = new(StringComparer.Ordinal);

    public WorkflowModel? Workflow { get; set; }
}
