Reads all of its input and prints it backwards (end of input reads as 0)
cell 0 stays 0 and stops the printing loop

>,[>,]                            read into cells 1 2 3 etc
<[.<]                             print from the last one down to cell 1
