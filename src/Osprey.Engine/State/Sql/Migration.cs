namespace Osprey.Engine.State.Sql;

/// <summary>
/// One forward step of the schema. <see cref="Sql"/> is written once for both databases, with
/// type placeholders that <see cref="SqlDialect.RenderSchema"/> fills in. Steps are never edited
/// once released: a change is a new step with the next version.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql);
