args <- commandArgs(trailingOnly = TRUE)
cat(sprintf("evaluating %s into %s\n", args[1], args[2]))
