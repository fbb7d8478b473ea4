# The N-shard scatter of a trivial task with a File output, shared by bench/scatter-tasks.sh
# and bench/store-overhead.sh.
version 1.1
task echo_i {
  input { Int i }
  command <<<
    echo ~{i} > out.txt
  >>>
  output { File out = "out.txt" }
}
workflow scatter_bench {
  input { Int n }
  scatter (i in range(n)) {
    call echo_i { input: i = i }
  }
  output { Array[File] outs = echo_i.out }
}
