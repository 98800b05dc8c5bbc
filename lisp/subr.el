;;; subr.el --- the minilisp prelude  -*- lexical-binding: t -*-
