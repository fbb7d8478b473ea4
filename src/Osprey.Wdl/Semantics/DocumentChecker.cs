using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Checks one parsed document whose imports are already checked: namespaces, structs, tasks,
/// then the workflow (which calls the tasks).
/// </summary>
internal sealed class DocumentChecker(Document syntax, string location, DiagnosticBag bag, CheckOptions options)
{
    public DocumentModel Check(IReadOnlyList<(ImportNode Node, DocumentModel? Target)> imports)
    {
        var model = new DocumentModel(syntax, location);
        var structs = new StructBinder(model, bag);
        foreach (var (node, imported) in imports)
        {
            if (imported is null) continue;
            BindNamespace(model, node, imported);
            structs.BindImported(node, imported);
        }
        structs.BindOwn(syntax.Structs);

        var types = new TypeResolver(bag, structs.Lookup);
        var expressions = new ExpressionChecker(model, bag, options);
        var tasks = new TaskChecker(model, bag, options, types, expressions);
        foreach (var task in syntax.Tasks)
        {
            var taskModel = tasks.Check(task);
            if (!model.Tasks.TryAdd(task.Name.Name, taskModel)) bag.DuplicateTask(task.Name.Span, task.Name.Name);
        }
        if (syntax.Workflow is { } workflow)
        {
            if (model.Tasks.ContainsKey(workflow.Name.Name)) bag.TaskWorkflowNameClash(workflow.Name.Span, workflow.Name.Name);
            model.Workflow = new WorkflowChecker(model, bag, options, types, expressions).Check(workflow);
        }
        return model;
    }

    private void BindNamespace(DocumentModel model, ImportNode node, DocumentModel imported)
    {
        string name = node.Namespace?.Name ?? ImportLocation.DefaultNamespace(node.Uri);
        var span = node.Namespace?.Span ?? node.UriSpan;
        if (node.Namespace is null && !IsIdentifier(name))
            bag.InvalidNamespaceName(span, name);
        else if (!model.Namespaces.TryAdd(name, imported))
            bag.DuplicateNamespace(span, name);
        if (imported.Version != model.Version)
            bag.ImportVersionMismatch(node.UriSpan, node.Uri, imported.Version, model.Version, options.Strict);
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return false;
        foreach (char c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }
}
