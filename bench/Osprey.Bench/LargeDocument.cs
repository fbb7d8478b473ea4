using System.Text;

namespace Osprey.Bench;

/// <summary>
/// A synthetic but realistic WDL 1.1 document: structs, many tasks (inputs with defaults,
/// private declarations, a command with placeholders, outputs, runtime) and one workflow whose
/// body chains calls inside scatters and conditionals. Every name it uses is declared, so a
/// correct checker finds no errors in it.
/// </summary>
public static class LargeDocument
{
    private const int TasksPerBlock = 3;

    public static string Generate(int targetLines)
    {
        var tasks = new StringBuilder();
        var body = new StringBuilder();
        var outputs = new StringBuilder();
        var text = new StringBuilder();
        text.Append("version 1.1\n\n");
        for (int s = 0; s < 4; s++) AppendStruct(text, s);

        int taskCount = 0, block = 0;
        while (Lines(text) + Lines(tasks) + Lines(body) + Lines(outputs) + 12 < targetLines)
        {
            for (int t = 0; t < TasksPerBlock; t++) AppendTask(tasks, taskCount + t);
            AppendBlock(body, outputs, block, taskCount);
            taskCount += TasksPerBlock;
            block++;
        }

        text.Append(tasks);
        text.Append("workflow big {\n  input {\n    Array[File] inputs\n    Int threads = 4\n    Boolean run_extra = true\n    String? label\n  }\n\n");
        text.Append(body);
        text.Append("  output {\n").Append(outputs).Append("  }\n}\n");
        return text.ToString();
    }

    private static int Lines(StringBuilder text)
    {
        int n = 0;
        foreach (var chunk in text.GetChunks())
            foreach (char c in chunk.Span)
                if (c == '\n') n++;
        return n;
    }

    private static void AppendStruct(StringBuilder text, int s) => text.Append($$"""
        struct Sample{{s}} {
          String name
          File reads
          Int? lane
          Map[String, String] tags
          Array[Float] qualities
        }


        """);

    private static void AppendTask(StringBuilder text, int i) => text.Append($$"""
        task step_{{i}} {
          input {
            File input_file
            String prefix = "sample_{{i}}"
            Int threads = 4
            Float memory_gb = 2.5 * threads + {{i % 7}}
            Array[String] flags = ["-a", "-b{{i}}", "--mode=fast"]
            Boolean verbose = false
            String? label
            Map[String, Int] limits = {"reads": {{1000 + i}}, "bases": {{i * 31 % 997}}}
          }

          String out_name = prefix + "_" + basename(input_file, ".txt") + ".out"
          Int disk_gb = ceil(size(input_file, "GB") * 2) + 10
          Int max_reads = limits["reads"] * (if verbose then 2 else 1)

          command <<<
            set -euo pipefail
            tool --threads ~{threads} ~{sep(" ", flags)} \
              ~{if verbose then "--verbose" else ""} --label ~{select_first([label, "none"])} \
              --max-reads ~{max_reads} --in ~{input_file} --out ~{out_name}
            echo "done ~{prefix} $(date)" > log.txt
          >>>

          output {
            File result = out_name
            Array[String] lines = read_lines("log.txt")
            Int count = length(lines) + {{i % 5}}
            Pair[String, Int] summary = (prefix, count)
          }

          runtime {
            cpu: threads
            memory: "~{memory_gb} GB"
            disks: "local-disk ~{disk_gb} HDD"
            docker: "ubuntu:22.04"
            maxRetries: {{i % 3}}
          }
        }


        """);

    /// <summary>One scatter over the inputs with a chain of the block's tasks and a conditional call.</summary>
    private static void AppendBlock(StringBuilder body, StringBuilder outputs, int b, int firstTask)
    {
        int s = b % 4;
        body.Append($$"""
              scatter (f{{b}} in inputs) {
                Sample{{s}} sample{{b}} = Sample{{s}} {
                  name: "s{{b}}_" + basename(f{{b}}),
                  reads: f{{b}},
                  lane: {{b % 8}},
                  tags: {"block": "{{b}}", "kind": "synthetic"},
                  qualities: [0.5, 1.5, {{b}}.25]
                }
                call step_{{firstTask}} as a{{b}} { input: input_file = sample{{b}}.reads, threads = threads, label = label }
                call step_{{firstTask + 1}} as b{{b}} { input: input_file = a{{b}}.result, verbose = length(a{{b}}.lines) > {{b % 10}} }
                Int total{{b}} = a{{b}}.count + b{{b}}.count * 2
                if (run_extra && total{{b}} > {{b % 4}}) {
                  call step_{{firstTask + 2}} as c{{b}} { input: input_file = b{{b}}.result, prefix = "extra_~{total{{b}}}" }
                }
              }
              Array[Int] totals{{b}} = total{{b}}
              Int sum{{b}} = length(select_all(c{{b}}.count)) + length(totals{{b}})


            """);
        outputs.Append($"    Array[File] results{b} = b{b}.result\n    Int summary{b} = sum{b}\n");
    }
}
